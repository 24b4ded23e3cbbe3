using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    /// <summary>
    /// Which characters of a block of at most 64 are word characters (as <see cref="IsWordChar"/> says), one bit each,
    /// the first character in the lowest bit. A block of ASCII text is classified eight characters at a time: cutting a
    /// result's text into words one character at a time cost a branch mispredicted at nearly every word's edge.
    /// </summary>
    public static ulong WordCharMask(ReadOnlySpan<char> block)
    {
        if (block.Length == 64 && Vector128.IsHardwareAccelerated)
        {
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(block));
            var (notAscii, caseBit, a, letters, zero, digits) = (Vector128.Create((ushort)0xFF80), Vector128.Create((ushort)0x20),
                Vector128.Create((ushort)'a'), Vector128.Create((ushort)('z' - 'a')), Vector128.Create((ushort)'0'), Vector128.Create((ushort)9));
            var mask = 0UL;
            for (var k = 0; k < 8; k++)
            {
                var chars = Vector128.LoadUnsafe(ref first, (nuint)(k * 8));
                if ((chars & notAscii) != Vector128<ushort>.Zero)
                {
                    return WordCharMaskOneByOne(block);
                }
                var word = Vector128.LessThanOrEqual((chars | caseBit) - a, letters) | Vector128.LessThanOrEqual(chars - zero, digits);
                mask |= (ulong)word.ExtractMostSignificantBits() << (k * 8);
            }
            return mask;
        }
        return WordCharMaskOneByOne(block);
    }

    private static ulong WordCharMaskOneByOne(ReadOnlySpan<char> block)
    {
        var mask = 0UL;
        for (var i = 0; i < block.Length && i < 64; i++)
        {
            mask |= IsWordChar(block[i]) ? 1UL << i : 0;
        }
        return mask;
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

    /// <summary>The term a word is indexed under: folded, then Porter-stemmed.</summary>
    public static string Term(ReadOnlySpan<char> word) => PorterStemmer.Stem(Fold(word));
}
