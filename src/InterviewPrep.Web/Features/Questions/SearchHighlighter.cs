using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// Marks the words of a search in a result's title and cuts a snippet of its body around them, the way FTS5's
/// <c>highlight</c> and <c>snippet</c> would: a word matches when its Porter stem (after lower-casing and removing
/// diacritics, as the <c>unicode61</c> tokenizer does) equals a searched word's stem, or, for the last word searched
/// as a prefix, starts with it. Done here rather than by FTS5 because FTS5 evaluates the whole match expression again
/// for each row it highlights, which cost more than finding and ranking the matches.
/// </summary>
public sealed class SearchHighlighter
{
    private const char Ellipsis = '…';
    private readonly Term[] _terms;

    /// <summary>The ASCII characters a searched word's stem starts with, in either case, one bit each.</summary>
    private readonly UInt128 _asciiFirsts;

    /// <summary>The first two letters of each searched stem that starts with an ASCII letter, in lower case, each in a
    /// vector; the second is zero for a stem of one letter or one whose second is not ASCII.</summary>
    private readonly (Vector128<ushort> First, Vector128<ushort> Second)[] _asciiStarts;

    /// <summary>The words read so far that could match, with the searched word each matches or -1.</summary>
    private readonly Dictionary<string, int> _matched = new(StringComparer.Ordinal);

    public SearchHighlighter(IReadOnlyList<string> words, bool prefixLast)
    {
        _terms = words.Select((word, i) => new Term(
            SearchTokenizer.Term(word), Prefix: prefixLast && i == words.Count - 1 && word.Length >= 2)).ToArray();
        foreach (var term in _terms)
        {
            if (term.Stem is [var first, ..] && first < 0x80)
            {
                _asciiFirsts |= (UInt128.One << first) | (UInt128.One << char.ToUpperInvariant(first));
            }
        }
        _asciiStarts = _terms.Where(t => t.Stem is [< (char)0x80, ..])
            .Select(t => (Vector128.Create((ushort)t.Stem[0]), Vector128.Create(t.Stem is [_, < (char)0x80, ..] ? (ushort)t.Stem[1] : (ushort)0)))
            .Distinct().ToArray();
    }

    /// <summary>The whole text as HTML, each matching word in <c>&lt;mark&gt;</c>, line breaks as in <see cref="Snippet"/>.</summary>
    public string Highlight(ReadOnlySpan<char> text)
    {
        using var words = new Words(this, text);
        return Html(text, words, 0, words.Count);
    }

    /// <summary>
    /// At most <paramref name="length"/> words of the text as HTML, chosen to show as many of the searched words as
    /// possible (the first such passage, centred on its matches or moved back to the start of its sentence when that
    /// fits), matches marked, with an ellipsis where the text goes on.
    /// </summary>
    public string Snippet(ReadOnlySpan<char> text, int length) => Snippet(text, length, _terms.Length, whole: true)!;

    /// <summary>
    /// The snippet of a body that holds <paramref name="wanted"/> of the searched words, from its whole text or from its
    /// start only (<paramref name="whole"/> false); then null when the rest of the text could change the snippet. A
    /// passage that shows all the words the body holds is the best there is, so the first one found ends the search.
    /// </summary>
    public string? Snippet(ReadOnlySpan<char> text, int length, int wanted, bool whole)
    {
        using var words = new Words(this, text);
        return Window(text, words, length, Math.Min(wanted, _terms.Length), whole) is var (start, end) ? Html(text, words, start, end) : null;
    }

    private (int Start, int End)? Window(ReadOnlySpan<char> text, Words words, int length, int wanted, bool whole)
    {
        // Of a text cut short, the last word may go on past the cut: only the words before it are known as they are.
        var known = whole ? words.Count : words.Count - 1;
        if (words.Count <= length)
        {
            return whole ? (0, words.Count) : null;
        }
        // The best passage starts at a match: the first that shows every searched word the text holds; failing that (a
        // word the index says the body holds that is not found here), the most distinct words, then the most matches,
        // then the earliest.
        var (best, bestSpan, bestScore, complete) = (-1, 0, -1, false);
        var seen = new bool[_terms.Length];
        var matches = words.Matches;
        for (var first = 0; first < matches.Length; first++)
        {
            Array.Clear(seen);
            var (distinct, hits, last) = (0, 0, matches[first].Word);
            for (var m = first; m < matches.Length && matches[m].Word < matches[first].Word + length; m++)
            {
                distinct += seen[matches[m].Term] ? 0 : 1;
                seen[matches[m].Term] = true;
                hits++;
                last = matches[m].Word;
            }
            var score = (distinct * 1000) + hits;
            if (score > bestScore)
            {
                (best, bestSpan, bestScore) = (matches[first].Word, last - matches[first].Word + 1, score);
            }
            if (distinct >= wanted && distinct > 0)
            {
                complete = true;
                break;
            }
        }
        // From the start of a text, a snippet stands only if the rest cannot hold a better passage or change this one:
        // it shows every word the body holds (or the body holds none), and all of its words are known.
        if (!whole && !(best < 0 ? wanted == 0 && length <= known : complete && best + length <= known))
        {
            return null;
        }
        if (best < 0)
        {
            return (0, length);
        }
        // Centre the matches in the passage, or start it where their sentence starts if that is near enough; a passage
        // that would run past the last word ends there instead.
        var start = Math.Min(Math.Max(best - ((length - bestSpan) / 2), 0), words.Count - length);
        for (var i = best; i > 0 && i > best - (length - bestSpan); i--)
        {
            if (StartsSentence(text, words.End(i - 1), words.Start(i)))
            {
                start = i;
                break;
            }
        }
        return (start, Math.Min(start + length, words.Count));
    }

    private static bool StartsSentence(ReadOnlySpan<char> text, int from, int to) => text.Slice(from, to - from).IndexOfAny(".!?\n") >= 0;

    private static string Html(ReadOnlySpan<char> text, Words words, int start, int end)
    {
        if (words.Count == 0)
        {
            return WebUtility.HtmlEncode(text.ToString());
        }
        var from = start == 0 ? 0 : words.Start(start);
        var more = end < words.Count;
        var to = more ? words.End(end - 1) : text.Length;
        // Written into a pooled buffer and copied once into the string: a StringBuilder per title and snippet, sized for the
        // whole text, was most of what a search allocated.
        var html = new PooledText(to - from + 64);
        if (start > 0)
        {
            html.Append(Ellipsis);
        }
        foreach (var match in words.Matches)
        {
            if (match.Word < start || match.Word >= end)
            {
                continue;
            }
            AppendBetween(ref html, text, from, match.Start);
            html.Append("<mark>");
            AppendEncoded(ref html, text.Slice(match.Start, match.End - match.Start));
            html.Append("</mark>");
            from = match.End;
        }
        AppendBetween(ref html, text, from, to);
        if (more)
        {
            html.Append(Ellipsis);
        }
        return html.ToStringAndReturn();
    }

    /// <summary>
    /// Appends text[from..to] HTML-encoded, with a line break that ends a line without a stop or comma (a heading, a list
    /// item, a line of code) written as a dot between the two lines: the page shows a snippet as one line, where "In practice" and
    /// "Calibrated probabilities" would otherwise run together as one sentence.
    /// </summary>
    private static void AppendBetween(ref PooledText html, ReadOnlySpan<char> text, int from, int to)
    {
        while (text[from..to].IndexOf('\n') is var found and >= 0)
        {
            var after = from + found + 1;
            var before = text[..(from + found)].TrimEnd();
            while (after < text.Length && char.IsWhiteSpace(text[after]))
            {
                after++;
            }
            if (before.IsEmpty || after >= text.Length || LineStops.Contains(before[^1]))
            {
                AppendEncoded(ref html, text[from..Math.Min(after, to)]);
            }
            else
            {
                AppendEncoded(ref html, text[from..before.Length]); // the line, without the spaces that end it
                html.Append(LineSeparator);
            }
            from = Math.Min(after, to);
        }
        AppendEncoded(ref html, text[from..to]);
    }

    private const string LineSeparator = " · ";
    private static readonly SearchValues<char> LineStops = SearchValues.Create(".!?:;,…");

    /// <summary>Appends text HTML-encoded as <see cref="WebUtility.HtmlEncode(string)"/> encodes it, copying it as is when nothing needs encoding.</summary>
    private static void AppendEncoded(ref PooledText html, ReadOnlySpan<char> text)
    {
        if (text.ContainsAny(MarkupChars) || text.ContainsAnyExceptInRange('\0', (char)159))
        {
            html.Append(WebUtility.HtmlEncode(text.ToString()));
        }
        else
        {
            html.Append(text);
        }
    }

    private static readonly SearchValues<char> MarkupChars = SearchValues.Create("<>&\"'");

    /// <summary>Text gathered in a buffer from the shared pool, then made into one string and the buffer given back.</summary>
    private struct PooledText(int capacity)
    {
        private char[] _buffer = ArrayPool<char>.Shared.Rent(capacity);
        private int _length;

        public void Append(char c) => Append([c]);

        public void Append(ReadOnlySpan<char> text)
        {
            if (_length + text.Length > _buffer.Length)
            {
                var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + text.Length));
                _buffer.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<char>.Shared.Return(_buffer);
                _buffer = larger;
            }
            text.CopyTo(_buffer.AsSpan(_length));
            _length += text.Length;
        }

        public string ToStringAndReturn()
        {
            var text = new string(_buffer, 0, _length);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = [];
            return text;
        }
    }

    /// <summary>
    /// Where each word of a text (a run of letters and digits) starts and ends, and which words match a searched word,
    /// in order. The text is read 64 characters at a time: a block's word characters are one bit each
    /// (<see cref="SearchTokenizer.WordCharMask"/>), so where its words start and end are bits too, and a word's place is
    /// found by counting them. Only a word whose first two letters a searched stem starts with is folded and stemmed
    /// (<see cref="FirstLetters"/>); in a block of ASCII text those words are found eight characters at a time too.
    /// </summary>
    private sealed class Words : IDisposable
    {
        private const int Block = 64;
        private readonly int _blocks;
        private readonly ulong[] _starts;
        private readonly ulong[] _ends;
        private readonly int[] _startsBefore;
        private readonly int[] _endsBefore;
        private readonly WordMatch[] _matches = ArrayPool<WordMatch>.Shared.Rent(64);
        private readonly int _matchCount;

        public Words(SearchHighlighter highlighter, ReadOnlySpan<char> text)
        {
            _blocks = (text.Length / Block) + 1;
            (_starts, _ends) = (ArrayPool<ulong>.Shared.Rent(_blocks), ArrayPool<ulong>.Shared.Rent(_blocks));
            (_startsBefore, _endsBefore) = (ArrayPool<int>.Shared.Rent(_blocks + 1), ArrayPool<int>.Shared.Rent(_blocks + 1));
            (_startsBefore[0], _endsBefore[0]) = (0, 0);
            // A word starts where a word character follows another character (or the start of the text) and ends where
            // another character (or the end) follows a word character; a word may span blocks, so each block begins
            // with whether the last one ended inside a word. The block past the last character holds at most an end.
            var open = 0UL;
            var candidates = ArrayPool<WordMatch>.Shared.Rent(64);
            var candidateCount = 0;
            for (var b = 0; b < _blocks; b++)
            {
                var from = b * Block;
                var block = text.Slice(from, Math.Min(Block, text.Length - from));
                var chars = SearchTokenizer.WordCharMask(block);
                var before = (chars << 1) | open;
                var inText = block.Length == Block ? ulong.MaxValue : (2UL << block.Length) - 1;
                (_starts[b], _ends[b], open) = (chars & ~before, ~chars & before & inText, chars >> 63);
                _startsBefore[b + 1] = _startsBefore[b] + System.Numerics.BitOperations.PopCount(_starts[b]);
                _endsBefore[b + 1] = _endsBefore[b] + System.Numerics.BitOperations.PopCount(_ends[b]);
                for (var first = _starts[b] & highlighter.FirstLetters(text.Slice(from)); first != 0; first &= first - 1)
                {
                    if (candidateCount == candidates.Length)
                    {
                        candidates = Larger(candidates, candidateCount);
                    }
                    var bit = System.Numerics.BitOperations.TrailingZeroCount(first);
                    candidates[candidateCount++] = new WordMatch(
                        _startsBefore[b] + System.Numerics.BitOperations.PopCount(_starts[b] & ((1UL << bit) - 1)), -1, from + bit, 0);
                }
            }
            Count = _startsBefore[_blocks];
            foreach (var candidate in candidates.AsSpan(0, candidateCount))
            {
                // The word ends at the first end after its start, in its block or a later one.
                var b = candidate.Start / Block;
                var ends = _ends[b] & (ulong.MaxValue << (candidate.Start % Block));
                while (ends == 0)
                {
                    ends = _ends[++b];
                }
                var end = (b * Block) + System.Numerics.BitOperations.TrailingZeroCount(ends);
                if (highlighter.Match(text.Slice(candidate.Start, end - candidate.Start)) is var term and >= 0)
                {
                    if (_matchCount == _matches.Length)
                    {
                        _matches = Larger(_matches, _matchCount);
                    }
                    _matches[_matchCount++] = candidate with { Term = term, End = end };
                }
            }
            ArrayPool<WordMatch>.Shared.Return(candidates);
        }

        public int Count { get; }

        public ReadOnlySpan<WordMatch> Matches => _matches.AsSpan(0, _matchCount);

        /// <summary>Where the word at this index starts.</summary>
        public int Start(int word) => Find(_starts, _startsBefore, word);

        /// <summary>Where the word at this index ends: its end is as many ends into the text as its start is starts.</summary>
        public int End(int word) => Find(_ends, _endsBefore, word);

        private int Find(ulong[] edges, int[] before, int index)
        {
            // The block that holds the edge is the last one with at most that many edges before it.
            var (low, high) = (0, _blocks - 1);
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                (low, high) = before[middle] <= index ? (middle, high) : (low, middle - 1);
            }
            var bits = edges[low];
            for (var skip = index - before[low]; skip > 0; skip--)
            {
                bits &= bits - 1;
            }
            return (low * Block) + System.Numerics.BitOperations.TrailingZeroCount(bits);
        }

        private static T[] Larger<T>(T[] array, int used)
        {
            var larger = ArrayPool<T>.Shared.Rent(used * 2);
            array.AsSpan(0, used).CopyTo(larger);
            ArrayPool<T>.Shared.Return(array);
            return larger;
        }

        public void Dispose()
        {
            ArrayPool<ulong>.Shared.Return(_starts);
            ArrayPool<ulong>.Shared.Return(_ends);
            ArrayPool<int>.Shared.Return(_startsBefore);
            ArrayPool<int>.Shared.Return(_endsBefore);
            ArrayPool<WordMatch>.Shared.Return(_matches);
        }
    }

    /// <summary>
    /// The characters of a block (the first 64 of <paramref name="rest"/>, one bit each) that a matching word could start
    /// with. A stem keeps the first two letters of its word (Porter changes only endings) and an ASCII letter folds to
    /// itself in lower case, so a word that starts with two ASCII letters matches only a stem that starts with the same
    /// two. A word with another character among its first two may fold to other letters or to fewer (a mark folds to
    /// nothing), so it may match any stem. The characters after the block are read only to see a word's second letter.
    /// </summary>
    private ulong FirstLetters(ReadOnlySpan<char> rest)
    {
        if (rest.Length > 64 && Vector128.IsHardwareAccelerated)
        {
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(rest));
            var (caseBit, notAscii) = (Vector128.Create((ushort)0x20), Vector128.Create((ushort)0x80));
            var mask = 0UL;
            for (var k = 0; k < 8; k++)
            {
                var chars = Vector128.LoadUnsafe(ref first, (nuint)(k * 8));
                var next = Vector128.LoadUnsafe(ref first, (nuint)((k * 8) + 1));
                var (lower, nextLower, nextNotAscii) = (chars | caseBit, next | caseBit, Vector128.GreaterThanOrEqual(next, notAscii));
                var found = Vector128.GreaterThanOrEqual(chars, notAscii);
                foreach (var (letter, second) in _asciiStarts)
                {
                    var secondFits = second == Vector128<ushort>.Zero ? Vector128<ushort>.AllBitsSet : Vector128.Equals(nextLower, second) | nextNotAscii;
                    found |= Vector128.Equals(lower, letter) & secondFits;
                }
                mask |= (ulong)found.ExtractMostSignificantBits() << (k * 8);
            }
            return mask;
        }
        // The last block of a text (whose next character cannot be loaded), or without vectors: by the first letter
        // alone, so a few more words are stemmed and none is missed.
        var some = 0UL;
        for (var i = 0; i < rest.Length && i < 64; i++)
        {
            some |= rest[i] >= 0x80 || (_asciiFirsts & (UInt128.One << rest[i])) != UInt128.Zero ? 1UL << i : 0;
        }
        return some;
    }

    /// <summary>Which searched word a word matches, or -1.</summary>
    private int Match(ReadOnlySpan<char> word)
    {
        // The results of a search share most of their words: each is folded and stemmed once per search.
        var known = _matched.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!known.TryGetValue(word, out var term))
        {
            term = MatchOnce(word);
            known[word] = term;
        }
        return term;
    }

    private int MatchOnce(ReadOnlySpan<char> word)
    {
        var ascii = word[0] < 0x80 && (word.Length == 1 || word[1] < 0x80);
        var (first, second) = (char.ToLowerInvariant(word[0]), word.Length > 1 ? char.ToLowerInvariant(word[1]) : '\0');
        string? stem = null;
        for (var t = 0; t < _terms.Length; t++)
        {
            var term = _terms[t];
            if (ascii && (term.Stem.Length == 0 || term.Stem[0] != first || (term.Stem.Length > 1 && term.Stem[1] != second)))
            {
                continue;
            }
            stem ??= SearchTokenizer.Term(word);
            if (term.Stem.Length > 0 && (term.Prefix ? stem.StartsWith(term.Stem, StringComparison.Ordinal) : stem == term.Stem))
            {
                return t;
            }
        }
        return -1;
    }

    private readonly record struct Term(string Stem, bool Prefix);

    /// <summary>A word that matches a searched word: its index among the text's words, the searched word's, and where it is.</summary>
    private readonly record struct WordMatch(int Word, int Term, int Start, int End);
}
