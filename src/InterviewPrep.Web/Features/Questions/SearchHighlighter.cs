using System.Buffers;
using System.Net;
using System.Text;

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
    }

    /// <summary>The whole text as HTML, each matching word in <c>&lt;mark&gt;</c>.</summary>
    public string Highlight(string text)
    {
        using var words = new Words(this, text);
        words.Has(int.MaxValue);
        return Html(text, words, 0, words.Count);
    }

    /// <summary>
    /// At most <paramref name="length"/> words of the text as HTML, chosen to show as many of the searched words as
    /// possible (the first such passage, moved back to the start of its sentence when that fits), matches marked,
    /// with an ellipsis where the text goes on. The text is read only as far as the passage needs.
    /// </summary>
    public string Snippet(string text, int length)
    {
        using var words = new Words(this, text);
        var (start, end) = Window(text, words, length);
        return Html(text, words, start, end);
    }

    private (int Start, int End) Window(string text, Words tokens, int length)
    {
        if (!tokens.Has(length))
        {
            return (0, tokens.Count);
        }
        // The best passage starts at a match: the most distinct words, then the most matches, then the earliest.
        var (best, bestSpan, bestScore) = (-1, 0, -1);
        var seen = new bool[_terms.Length];
        for (var first = 0; tokens.Has(first); first++)
        {
            if (tokens[first].Term < 0)
            {
                continue;
            }
            Array.Clear(seen);
            var (distinct, hits, last) = (0, 0, first);
            for (var i = first; i < first + length && tokens.Has(i); i++)
            {
                if (tokens[i].Term is var term and >= 0)
                {
                    distinct += seen[term] ? 0 : 1;
                    seen[term] = true;
                    hits++;
                    last = i;
                }
            }
            var score = (distinct * 1000) + hits;
            if (score > bestScore)
            {
                (best, bestSpan, bestScore) = (first, last - first + 1, score);
            }
            if (distinct == _terms.Length)
            {
                break;
            }
        }
        if (best < 0)
        {
            return (0, length);
        }
        // Centre the matches in the passage, or start it where their sentence starts if that is near enough; a passage
        // that would run past the last word ends there instead.
        var start = Math.Max(best - ((length - bestSpan) / 2), 0);
        if (!tokens.Has(start + length - 1))
        {
            start = tokens.Count - length;
        }
        for (var i = best; i > 0 && i > best - (length - bestSpan); i--)
        {
            if (StartsSentence(text, tokens[i - 1].End, tokens[i].Start))
            {
                start = i;
                break;
            }
        }
        return (start, tokens.Has(start + length - 1) ? start + length : tokens.Count);
    }

    private static bool StartsSentence(string text, int from, int to) => text.AsSpan(from, to - from).IndexOfAny(".!?\n") >= 0;

    private static string Html(string text, Words tokens, int start, int end)
    {
        if (!tokens.Has(0))
        {
            return WebUtility.HtmlEncode(text);
        }
        var html = new StringBuilder(text.Length / 4);
        var from = start == 0 ? 0 : tokens[start].Start;
        if (start > 0)
        {
            html.Append(Ellipsis);
        }
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Term < 0)
            {
                continue;
            }
            AppendEncoded(html, text.AsSpan(from, token.Start - from));
            AppendEncoded(html.Append("<mark>"), text.AsSpan(token.Start, token.End - token.Start));
            html.Append("</mark>");
            from = token.End;
        }
        var more = tokens.Has(end);
        var to = more ? tokens[end - 1].End : text.Length;
        AppendEncoded(html, text.AsSpan(from, to - from));
        if (more)
        {
            html.Append(Ellipsis);
        }
        return html.ToString();
    }

    /// <summary>Appends text HTML-encoded as <see cref="WebUtility.HtmlEncode(string)"/> encodes it, copying it as is when nothing needs encoding.</summary>
    private static void AppendEncoded(StringBuilder html, ReadOnlySpan<char> text)
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

    /// <summary>
    /// The words of a text (runs of letters and digits), each with the searched word it matches or -1, read from the
    /// text only as far as they are asked for, 64 characters at a time (<see cref="SearchTokenizer.WordCharMask"/>).
    /// </summary>
    private sealed class Words(SearchHighlighter highlighter, string text) : IDisposable
    {
        private const int Block = 64;
        private Token[] _tokens = ArrayPool<Token>.Shared.Rent(1024);
        private int _block;
        private int _openStart = -1;

        /// <summary>How many words have been read so far: all of them once <see cref="Has"/> has returned false.</summary>
        public int Count { get; private set; }

        public Token this[int index] => _tokens[index];

        /// <summary>Whether the text has a word at this index, reading on to it if need be.</summary>
        public bool Has(int index)
        {
            while (Count <= index)
            {
                if (_block > text.Length)
                {
                    return false;
                }
                ReadBlock();
            }
            return true;
        }

        /// <summary>
        /// Reads the next block's words. A word starts where a word character follows another character (or the start)
        /// and ends where another character (or the end) follows a word character; a word may span blocks.
        /// </summary>
        private void ReadBlock()
        {
            var from = _block;
            var length = Math.Min(Block, text.Length - from);
            var chars = length > 0 ? SearchTokenizer.WordCharMask(text.AsSpan(from, length)) : 0;
            var before = (chars << 1) | (_openStart >= 0 ? 1UL : 0);
            // An edge one past the block's last character only matters at the end of the text.
            var edges = (chars ^ before) & (length == Block ? ulong.MaxValue : (2UL << length) - 1);
            while (edges != 0)
            {
                var at = from + System.Numerics.BitOperations.TrailingZeroCount(edges);
                edges &= edges - 1;
                if (_openStart < 0)
                {
                    _openStart = at;
                }
                else
                {
                    Add(_openStart, at);
                    _openStart = -1;
                }
            }
            _block = from + Block;
        }

        private void Add(int start, int end)
        {
            if (Count == _tokens.Length)
            {
                var larger = ArrayPool<Token>.Shared.Rent(Count * 2);
                _tokens.AsSpan().CopyTo(larger);
                ArrayPool<Token>.Shared.Return(_tokens);
                _tokens = larger;
            }
            _tokens[Count++] = new Token(start, end, highlighter.Match(text.AsSpan(start, end - start)));
        }

        public void Dispose() => ArrayPool<Token>.Shared.Return(_tokens);
    }

    private int Match(ReadOnlySpan<char> word)
    {
        // A stem keeps at least the first two letters of its word (Porter changes only endings), so a word that starts
        // with two ASCII characters (which fold to themselves in lower case) is ruled out without stemming it unless a
        // searched stem starts with the same two; most are ruled out by the first one's bit. A word with a non-ASCII
        // character among its first two may fold to other letters or to fewer (a mark folds to nothing): it is stemmed.
        var ascii = word[0] < 0x80 && (word.Length == 1 || word[1] < 0x80);
        if (ascii && (_asciiFirsts & (UInt128.One << word[0])) == UInt128.Zero)
        {
            return -1;
        }
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

    private readonly record struct Token(int Start, int End, int Term);
}
