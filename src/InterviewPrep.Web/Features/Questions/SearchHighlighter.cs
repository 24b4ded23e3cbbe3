using System.Buffers;
using System.Globalization;
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

    public SearchHighlighter(IReadOnlyList<string> words, bool prefixLast)
    {
        _terms = words.Select((word, i) => new Term(
            PorterStemmer.Stem(Fold(word)), Prefix: prefixLast && i == words.Count - 1 && word.Length >= 2)).ToArray();
    }

    /// <summary>The whole text as HTML, each matching word in <c>&lt;mark&gt;</c>.</summary>
    public string Highlight(string text)
    {
        var tokens = Tokenize(text);
        return Html(text, tokens, 0, tokens.Count);
    }

    /// <summary>
    /// At most <paramref name="length"/> words of the text as HTML, chosen to show as many of the searched words as
    /// possible (the first such passage, moved back to the start of its sentence when that fits), matches marked,
    /// with an ellipsis where the text goes on.
    /// </summary>
    public string Snippet(string text, int length)
    {
        var tokens = Tokenize(text);
        var (start, end) = Window(text, tokens, length);
        return Html(text, tokens, start, end);
    }

    private (int Start, int End) Window(string text, List<Token> tokens, int length)
    {
        if (tokens.Count <= length)
        {
            return (0, tokens.Count);
        }
        // The best passage starts at a match: the most distinct words, then the most matches, then the earliest.
        var (best, bestSpan, bestScore) = (-1, 0, -1);
        var seen = new bool[_terms.Length];
        for (var first = 0; first < tokens.Count; first++)
        {
            if (tokens[first].Term < 0)
            {
                continue;
            }
            Array.Clear(seen);
            var (distinct, hits, last) = (0, 0, first);
            for (var i = first; i < Math.Min(first + length, tokens.Count); i++)
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
        // Centre the matches in the passage, or start it where their sentence starts if that is near enough.
        var start = Math.Clamp(best - ((length - bestSpan) / 2), 0, tokens.Count - length);
        for (var i = best; i > 0 && i > best - (length - bestSpan); i--)
        {
            if (StartsSentence(text, tokens[i - 1].End, tokens[i].Start))
            {
                start = i;
                break;
            }
        }
        return (start, Math.Min(start + length, tokens.Count));
    }

    private static bool StartsSentence(string text, int from, int to) => text.AsSpan(from, to - from).IndexOfAny(".!?\n") >= 0;

    private static string Html(string text, List<Token> tokens, int start, int end)
    {
        if (tokens.Count == 0)
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
            html.Append(WebUtility.HtmlEncode(text[from..token.Start])).Append("<mark>")
                .Append(WebUtility.HtmlEncode(text[token.Start..token.End])).Append("</mark>");
            from = token.End;
        }
        var to = end == tokens.Count ? text.Length : tokens[end - 1].End;
        html.Append(WebUtility.HtmlEncode(text[from..to]));
        if (end < tokens.Count)
        {
            html.Append(Ellipsis);
        }
        return html.ToString();
    }

    /// <summary>The words of the text (runs of letters and digits), each with the searched word it matches, or -1.</summary>
    private List<Token> Tokenize(string text)
    {
        // ASCII runs are found with vectorized searches; only characters outside ASCII are looked at one by one.
        var tokens = new List<Token>(text.Length / 6);
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var skip = span[i..].IndexOfAnyExcept(AsciiSeparators);
            if (skip < 0)
            {
                break;
            }
            i += skip;
            if (!IsWordChar(span[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < span.Length)
            {
                var run = span[i..].IndexOfAnyExcept(AsciiWordChars);
                i = run < 0 ? span.Length : i + run;
                if (i == span.Length || !IsWordChar(span[i]))
                {
                    break;
                }
                i++;
            }
            tokens.Add(new Token(start, i, Match(span[start..i])));
        }
        return tokens;
    }

    private int Match(ReadOnlySpan<char> word)
    {
        // A stem keeps at least the first two letters of its word (Porter changes only endings), so most words are
        // ruled out without stemming them.
        var (first, second) = (Fold(word[0]), word.Length > 1 ? Fold(word[1]) : '\0');
        string? stem = null;
        for (var t = 0; t < _terms.Length; t++)
        {
            var term = _terms[t];
            if (term.Stem.Length == 0 || term.Stem[0] != first || (term.Stem.Length > 1 && term.Stem[1] != second))
            {
                continue;
            }
            stem ??= PorterStemmer.Stem(Fold(word.ToString()));
            if (term.Prefix ? stem.StartsWith(term.Stem, StringComparison.Ordinal) : stem == term.Stem)
            {
                return t;
            }
        }
        return -1;
    }

    private static readonly SearchValues<char> AsciiWordChars = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    private static readonly SearchValues<char> AsciiSeparators = SearchValues.Create(
        Enumerable.Range(0, 0x80).Select(c => (char)c).Where(c => !char.IsAsciiLetterOrDigit(c)).ToArray());

    private static bool IsWordChar(char c) => c < 0x80
        ? char.IsAsciiLetterOrDigit(c)
        : char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark;

    private static string Fold(string word)
    {
        if (System.Text.Ascii.IsValid(word))
        {
            return word.ToLowerInvariant();
        }
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
    }

    private static char Fold(char c) => c < 0x80 ? char.ToLowerInvariant(c) : Fold(c.ToString()) is [var folded, ..] ? folded : c;

    private readonly record struct Term(string Stem, bool Prefix);

    private readonly record struct Token(int Start, int End, int Term);
}
