using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// Cuts text into words the way the full-text index's <c>unicode61</c> tokenizer does (runs of letters, digits and the
/// marks on them) and folds a word as it does (lower case, diacritics removed), so that words found by the index can be
/// found again in C#: by <see cref="SearchHighlighter"/> in a result's text, and by <see cref="WordIndex"/> in the bank.
/// </summary>
public static class SearchTokenizer
{
    /// <summary>Finds the next word at or after <paramref name="position"/> and moves past it; false when none is left.</summary>
    public static bool NextWord(ReadOnlySpan<char> text, ref int position, out int start, out int end)
    {
        // A plain loop: words and the spaces between them are a few characters long, too short for vectorized searches.
        var i = position;
        while (i < text.Length && !IsWordChar(text[i]))
        {
            i++;
        }
        start = i;
        while (i < text.Length && IsWordChar(text[i]))
        {
            i++;
        }
        (position, end) = (i, i);
        return end > start;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) : IsNonAsciiWordChar(c);

    private static bool IsNonAsciiWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark;

    /// <summary>The word in lower case without diacritics.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        if (Ascii.IsValid(word))
        {
            return string.Create(word.Length, word, static (lower, source) => Ascii.ToLower(source, lower, out _));
        }
        var decomposed = word.ToString().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return string.Concat(decomposed.Where(c => char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark));
    }

    public static char Fold(char c) => c < 0x80 ? char.ToLowerInvariant(c) : Fold([c]) is [var folded, ..] ? folded : c;

    /// <summary>The term a word is indexed under: folded, then Porter-stemmed.</summary>
    public static string Term(ReadOnlySpan<char> word) => PorterStemmer.Stem(Fold(word));
}
