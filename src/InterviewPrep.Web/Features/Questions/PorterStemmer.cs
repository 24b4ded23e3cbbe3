namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// The Porter stemmer as SQLite's FTS5 <c>porter</c> tokenizer applies it (M. F. Porter, 1980, with the departures of
/// the reference implementation that FTS5 follows: <c>bli</c> to <c>ble</c>, <c>logi</c> to <c>log</c>), so that a
/// word found by the full-text index can be found again in the text it came from. Words of fewer than three or more
/// than 64 characters are left as they are, as FTS5 leaves them. Expects a lower-case word.
/// </summary>
public static class PorterStemmer
{
    private const int MaxLength = 64;

    public static string Stem(string word)
    {
        var bytes = System.Text.Ascii.IsValid(word) ? word.Length : System.Text.Encoding.UTF8.GetByteCount(word);
        if (bytes < 3 || bytes > MaxLength)
        {
            return word;
        }
        Span<char> buffer = stackalloc char[MaxLength];
        word.AsSpan().CopyTo(buffer);
        var stem = new Word(buffer, word.Length);
        stem.Step1();
        stem.Step2();
        stem.Step3();
        stem.Step4();
        stem.Step5();
        return stem.Length == word.Length && buffer[..stem.Length].SequenceEqual(word) ? word : new string(buffer[..stem.Length]);
    }

    /// <summary>The word being stemmed: its characters and how many of them are left.</summary>
    private ref struct Word(Span<char> chars, int length)
    {
        private readonly Span<char> _b = chars;

        public int Length { get; private set; } = length;

        public void Step1()
        {
            // 1a: plurals.
            if ((EndsWith("sses") && Length > 4) || (EndsWith("ies") && Length > 3))
            {
                Length -= 2;
            }
            else if (EndsWith("s") && !EndsWith("ss"))
            {
                Length--;
            }
            // 1b: -eed, -ed, -ing.
            if (EndsWith("eed") && Length > 3)
            {
                if (Measure(Length - 3) > 0)
                {
                    Length--;
                }
            }
            else if ((EndsWith("ed") && HasVowel(Length - 2)) || (EndsWith("ing") && HasVowel(Length - 3)))
            {
                Length -= EndsWith("ed") ? 2 : 3;
                if (Length > 2 && (EndsWith("at") || EndsWith("bl") || EndsWith("iz")))
                {
                    _b[Length++] = 'e';
                }
                else if (IsDoubleConsonant(Length - 1) && _b[Length - 1] is not ('l' or 's' or 'z'))
                {
                    Length--;
                }
                else if (Measure(Length) == 1 && IsCvc(Length - 1))
                {
                    _b[Length++] = 'e';
                }
            }
            // 1c: a final y after a vowel in the stem becomes i.
            if (EndsWith("y") && HasVowel(Length - 1))
            {
                _b[Length - 1] = 'i';
            }
        }

        public void Step2()
        {
            if (Length < 2)
            {
                return;
            }
            _ = _b[Length - 2] switch
            {
                'a' => Replace("ational", "ate", 0) || Replace("tional", "tion", 0),
                'c' => Replace("enci", "ence", 0) || Replace("anci", "ance", 0),
                'e' => Replace("izer", "ize", 0),
                'g' => Replace("logi", "log", 0),
                'l' => Replace("bli", "ble", 0) || Replace("alli", "al", 0) || Replace("entli", "ent", 0) || Replace("eli", "e", 0) || Replace("ousli", "ous", 0),
                'o' => Replace("ization", "ize", 0) || Replace("ation", "ate", 0) || Replace("ator", "ate", 0),
                's' => Replace("alism", "al", 0) || Replace("iveness", "ive", 0) || Replace("fulness", "ful", 0) || Replace("ousness", "ous", 0),
                't' => Replace("aliti", "al", 0) || Replace("iviti", "ive", 0) || Replace("biliti", "ble", 0),
                _ => false,
            };
        }

        public void Step3()
        {
            _ = _b[Length - 1] switch
            {
                'e' => Replace("icate", "ic", 0) || Replace("ative", "", 0) || Replace("alize", "al", 0),
                'i' => Replace("iciti", "ic", 0),
                'l' => Replace("ical", "ic", 0) || Replace("ful", "", 0),
                's' => Replace("ness", "", 0),
                _ => false,
            };
        }

        public void Step4()
        {
            if (Length < 2)
            {
                return;
            }
            _ = _b[Length - 2] switch
            {
                'a' => Replace("al", "", 1),
                'c' => Replace("ance", "", 1) || Replace("ence", "", 1),
                'e' => Replace("er", "", 1),
                'i' => Replace("ic", "", 1),
                'l' => Replace("able", "", 1) || Replace("ible", "", 1),
                'n' => Replace("ant", "", 1) || Replace("ement", "", 1) || Replace("ment", "", 1) || Replace("ent", "", 1),
                'o' => (EndsWith("ion") && Length > 3 && _b[Length - 4] is 's' or 't' && Replace("ion", "", 1)) || Replace("ou", "", 1),
                's' => Replace("ism", "", 1),
                't' => Replace("ate", "", 1) || Replace("iti", "", 1),
                'u' => Replace("ous", "", 1),
                'v' => Replace("ive", "", 1),
                'z' => Replace("ize", "", 1),
                _ => false,
            };
        }

        public void Step5()
        {
            if (EndsWith("e"))
            {
                var m = Measure(Length - 1);
                if (m > 1 || (m == 1 && !IsCvc(Length - 2)))
                {
                    Length--;
                }
            }
            if (EndsWith("ll") && Measure(Length) > 1)
            {
                Length--;
            }
        }

        /// <summary>
        /// When the word ends with the suffix: replaces it if the rest measures more than <paramref name="minMeasure"/>,
        /// and answers true either way, so that no other suffix of the same step is tried.
        /// </summary>
        private bool Replace(string suffix, string replacement, int minMeasure)
        {
            if (!EndsWith(suffix) || Length == suffix.Length)
            {
                return false;
            }
            var stem = Length - suffix.Length;
            if (Measure(stem) > minMeasure)
            {
                replacement.AsSpan().CopyTo(_b[stem..]);
                Length = stem + replacement.Length;
            }
            return true;
        }

        private readonly bool EndsWith(string suffix) => _b[..Length].EndsWith(suffix);

        private readonly bool IsConsonant(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>The number of vowel-consonant sequences in the first <paramref name="length"/> characters.</summary>
        private readonly int Measure(int length)
        {
            var m = 0;
            var i = 0;
            while (i < length && IsConsonant(i))
            {
                i++;
            }
            while (i < length)
            {
                while (i < length && !IsConsonant(i))
                {
                    i++;
                }
                if (i >= length)
                {
                    break;
                }
                m++;
                while (i < length && IsConsonant(i))
                {
                    i++;
                }
            }
            return m;
        }

        private readonly bool HasVowel(int length)
        {
            for (var i = 0; i < length; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }
            return false;
        }

        private readonly bool IsDoubleConsonant(int i) => i >= 1 && _b[i] == _b[i - 1] && IsConsonant(i);

        /// <summary>Consonant, vowel, consonant ending at <paramref name="i"/>, the last not w, x or y.</summary>
        private readonly bool IsCvc(int i) =>
            i >= 2 && IsConsonant(i) && !IsConsonant(i - 1) && IsConsonant(i - 2) && _b[i] is not ('w' or 'x' or 'y');
    }
}
