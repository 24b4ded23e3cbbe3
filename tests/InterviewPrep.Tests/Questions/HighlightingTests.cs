using InterviewPrep.Web.Features.Questions;

namespace InterviewPrep.Tests.Questions;

public sealed class StemmingAWordAsTheIndexDoes
{
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("relational", "relat")]
    [InlineData("generalization", "gener")]
    [InlineData("hopping", "hop")]
    [InlineData("happy", "happi")]
    [InlineData("overfitting", "overfit")]
    [InlineData("overfits", "overfit")]
    [InlineData("memorising", "memoris")]
    [InlineData("eed", "e")]
    [InlineData("at", "at")]
    public void GivesThePorterStemThatFts5Stores(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));
}

public sealed class HighlightingASearchResult
{
    private static readonly string Body = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"filler{i}")) +
        ". Regularization limits overfitting, and a held-out set shows it. " + string.Join(' ', Enumerable.Range(40, 40).Select(i => $"filler{i}"));

    [Fact]
    public void MarksEveryFormOfASearchedWordAndEncodesTheRest()
    {
        var html = new SearchHighlighter(["overfit"], prefixLast: false).Highlight("<b>Overfitting</b> & models that overfit");

        Assert.Equal("&lt;b&gt;<mark>Overfitting</mark>&lt;/b&gt; &amp; models that <mark>overfit</mark>", html);
    }

    [Fact]
    public void MarksWordsThatStartWithTheLastWordOnlyWhenItIsAPrefix()
    {
        Assert.Equal("<mark>regularization</mark> and <mark>regular</mark> terms",
            new SearchHighlighter(["regul"], prefixLast: true).Highlight("regularization and regular terms"));
        Assert.Equal("regularization and regular terms",
            new SearchHighlighter(["regul"], prefixLast: false).Highlight("regularization and regular terms"));
        Assert.Equal("regularization",
            new SearchHighlighter(["regul", "terms"], prefixLast: true).Highlight("regularization"));
    }

    [Fact]
    public void MatchesWordsWithoutTheirDiacritics() =>
        Assert.Equal("a <mark>na&#239;ve</mark> Bayes", new SearchHighlighter(["naive"], prefixLast: false).Highlight("a naïve Bayes"));

    [Fact]
    public void ASnippetNearTheEndEndsWithTheText()
    {
        var text = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"filler{i}")) + ". The end speaks of overfitting";

        Assert.Equal("…The end speaks of <mark>overfitting</mark>", new SearchHighlighter(["overfit"], prefixLast: false).Snippet(text, 24));
        var clamped = new SearchHighlighter(["filler39", "zeppelin"], prefixLast: false).Snippet(text, 24);
        Assert.StartsWith("…filler21 filler22", clamped, StringComparison.Ordinal);
        Assert.EndsWith("<mark>filler39</mark>. The end speaks of overfitting", clamped, StringComparison.Ordinal);
    }

    [Fact]
    public void ASnippetShowsThePassageWithTheMostSearchedWordsFromItsSentence()
    {
        var snippet = new SearchHighlighter(["overfitting", "held"], prefixLast: false).Snippet(Body, 24);

        Assert.StartsWith("…<mark>Regularization</mark> limits", new SearchHighlighter(["regularization"], prefixLast: false).Snippet(Body, 24), StringComparison.Ordinal);
        Assert.StartsWith("…Regularization limits <mark>overfitting</mark>, and a <mark>held</mark>-out set", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Equal(24, snippet.Split(' ', '-').Length);
    }

    [Fact]
    public void ASnippetOfATextWithNoMatchIsItsBeginning()
    {
        var snippet = new SearchHighlighter(["zeppelin"], prefixLast: false).Snippet(Body, 24);

        Assert.Equal(string.Join(' ', Enumerable.Range(0, 24).Select(i => $"filler{i}")) + "…", snippet);
    }

    [Fact]
    public void AShortTextIsItsOwnSnippet() =>
        Assert.Equal("Precision is <mark>TP</mark> / (<mark>TP</mark> + FP).",
            new SearchHighlighter(["tp"], prefixLast: false).Snippet("Precision is TP / (TP + FP).", 24));

    [Fact]
    public void ALineThatEndsWithoutAStopIsSetApartFromTheNext() =>
        Assert.Equal("In practice · <mark>Calibrated</mark> scores matter. When?\nCosts differ:\nfalse alarms · missed cases.\n",
            new SearchHighlighter(["calibrated"], prefixLast: false).Snippet("In practice  \n\nCalibrated scores matter. When?\nCosts differ:\nfalse alarms\n missed cases.\n", 24));
}

public sealed class CuttingTextIntoWordsABlockAtATime
{
    // Letters, digits, marks and separators of several kinds, so that words and their edges fall everywhere in a block.
    private static readonly string[] Pieces =
        ["a", "Z", "q", "7", " ", ".", "-", "\n", "é", "ï", "\u0301", "Ω", "—", "…", "𝑥", "_", "@", "[", "`", "{", "0", "9"];

    private static string RandomText(Random random, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => Pieces[random.Next(random.Next(2) == 0 ? 4 : Pieces.Length)]));

    [Fact]
    public void MarksTheSameCharactersAsOneAtATime()
    {
        var random = new Random(7);
        for (var n = 0; n < 2000; n++)
        {
            var block = RandomText(random, random.Next(2) == 0 ? 64 : random.Next(0, 65));
            var expected = 0UL;
            for (var i = 0; i < block.Length && i < 64; i++)
            {
                expected |= SearchTokenizer.IsWordChar(block[i]) ? 1UL << i : 0;
            }
            if (block.Length <= 64)
            {
                Assert.Equal(expected, SearchTokenizer.WordCharMask(block));
            }
        }
    }

    [Fact]
    public void HighlightsTheWordsThatTheTokenizerFindsOneByOne()
    {
        var random = new Random(11);
        for (var n = 0; n < 500; n++)
        {
            var text = RandomText(random, random.Next(0, 300));
            var words = new List<(int Start, int End)>();
            var position = 0;
            while (SearchTokenizer.NextWord(text, ref position, out var start, out var end))
            {
                words.Add((start, end));
            }
            // A word searched for has letters or digits (a lone mark folds to nothing and is never searched).
            var searched = words.Count == 0 ? "zz" : words[random.Next(words.Count)] is var (first, last) ? text[first..last] : "";
            searched = SearchTokenizer.Term(searched).Length == 0 ? "zz" : searched;
            var stem = SearchTokenizer.Term(searched);
            var expected = new System.Text.StringBuilder();
            var from = 0;
            foreach (var (start, end) in words.Where(w => SearchTokenizer.Term(text.AsSpan(w.Start, w.End - w.Start)) == stem))
            {
                expected.Append(ReferenceBetween(text, from, start)).Append("<mark>")
                    .Append(System.Net.WebUtility.HtmlEncode(text[start..end])).Append("</mark>");
                from = end;
            }
            expected.Append(ReferenceBetween(text, from, text.Length));

            Assert.Equal(expected.ToString(), new SearchHighlighter([searched], prefixLast: false).Highlight(text));
        }
    }

    [Fact]
    public void CutsTheSameSnippetsAsAWordByWordReading()
    {
        var random = new Random(13);
        for (var n = 0; n < 1500; n++)
        {
            var (text, words, searched, prefixLast, length) = RandomSearch(random, 700);

            Assert.Equal(ReferenceSnippet(text, words, searched, prefixLast, length), new SearchHighlighter(searched, prefixLast).Snippet(text, length));
        }
    }

    [Fact]
    public void ASnippetCutFromTheStartOfATextIsTheWholeTextsSnippetOrNone()
    {
        var random = new Random(29);
        var (cut, decided) = (0, 0);
        for (var n = 0; n < 3000; n++)
        {
            var (text, words, searched, prefixLast, length) = RandomSearch(random, 900);
            var highlighter = new SearchHighlighter(searched, prefixLast);
            // What the index tells: how many of the searched words the text holds (as the highlighter finds them).
            var wanted = Enumerable.Range(0, searched.Count).Count(t => ReferenceHolds(text, words, searched, prefixLast, t));
            var end = random.Next(0, text.Length + 1);
            end -= end > 0 && end < text.Length && char.IsHighSurrogate(text[end - 1]) ? 1 : 0;

            var whole = highlighter.Snippet(text, length, wanted, whole: true);
            var start = highlighter.Snippet(text.AsSpan(0, end), length, wanted, whole: end == text.Length);

            Assert.Equal(ReferenceSnippet(text, words, searched, prefixLast, length, Math.Max(wanted, 1)), whole);
            if (end < text.Length)
            {
                cut++;
                decided += start is null ? 0 : 1;
                Assert.True(start is null || start == whole, $"text {n} cut at {end}: “{start}” against “{whole}”");
            }
        }
        Assert.True(decided > cut / 8, $"only {decided} of {cut} snippets were decided from the start of their text");
    }

    /// <summary>Whether a word of the text matches the searched word at <paramref name="term"/> and no earlier one, as <see cref="ReferenceSnippet"/> matches.</summary>
    private static bool ReferenceHolds(string text, List<(int Start, int End)> words, List<string> searched, bool prefixLast, int term)
    {
        var stems = searched.Select(w => SearchTokenizer.Term(w)).ToList();
        return words.Select(w => SearchTokenizer.Term(text.AsSpan(w.Start, w.End - w.Start)))
            .Any(stem => Enumerable.Range(0, stems.Count).FirstOrDefault(t => prefixLast && t == stems.Count - 1 && searched[t].Length >= 2
                ? stem.StartsWith(stems[t], StringComparison.Ordinal) : stem == stems[t], -1) == term);
    }

    /// <summary>A random text of up to <paramref name="longest"/> characters, one to three of its words to search, and a snippet length.</summary>
    private static (string Text, List<(int Start, int End)> Words, List<string> Searched, bool PrefixLast, int Length) RandomSearch(Random random, int longest)
    {
        var text = RandomText(random, random.Next(0, longest));
        var words = WordsOneByOne(text);
        var searched = Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => words.Count == 0 ? "zz" : words[random.Next(words.Count)] is var (first, last) ? text[first..last] : "")
            .Where(w => SearchTokenizer.Term(w).Length > 0).Distinct().DefaultIfEmpty("zz").ToList();
        return (text, words, searched, random.Next(2) == 0, random.Next(1, 30));
    }

    private static List<(int Start, int End)> WordsOneByOne(string text)
    {
        var words = new List<(int Start, int End)>();
        var position = 0;
        while (SearchTokenizer.NextWord(text, ref position, out var start, out var end))
        {
            words.Add((start, end));
        }
        return words;
    }

    /// <summary>The snippet as the highlighter cut it when it read a text one word at a time: the passage with the most
    /// searched words (then the most matches, then the first), centred or moved back to its sentence's start.</summary>
    private static string ReferenceSnippet(string text, List<(int Start, int End)> words, List<string> searched, bool prefixLast, int length, int? wanted = null)
    {
        // A word matches the first searched word with its stem; the last one searched as a prefix, by its stem's start.
        var stems = searched.Select(w => SearchTokenizer.Term(w)).ToList();
        var terms = words.Select(w => SearchTokenizer.Term(text.AsSpan(w.Start, w.End - w.Start)))
            .Select(stem => Enumerable.Range(0, stems.Count).FirstOrDefault(t => prefixLast && t == stems.Count - 1 && searched[t].Length >= 2
                ? stem.StartsWith(stems[t], StringComparison.Ordinal) : stem == stems[t], -1))
            .ToList();
        var (start, end) = (0, words.Count);
        if (words.Count > length)
        {
            var (best, bestSpan, bestScore) = (-1, 0, -1);
            for (var first = 0; first < words.Count; first++)
            {
                if (terms[first] < 0)
                {
                    continue;
                }
                var inPassage = Enumerable.Range(first, Math.Min(length, words.Count - first)).Where(i => terms[i] >= 0).ToList();
                var (distinct, hits) = (inPassage.Select(i => terms[i]).Distinct().Count(), inPassage.Count);
                if ((distinct * 1000) + hits > bestScore)
                {
                    (best, bestSpan, bestScore) = (first, inPassage[^1] - first + 1, (distinct * 1000) + hits);
                }
                if (distinct >= (wanted ?? stems.Count))
                {
                    break;
                }
            }
            if (best < 0)
            {
                (start, end) = (0, length);
            }
            else
            {
                start = Math.Min(Math.Max(best - ((length - bestSpan) / 2), 0), words.Count - length);
                for (var i = best; i > 0 && i > best - (length - bestSpan); i--)
                {
                    if (text.AsSpan(words[i - 1].End, words[i].Start - words[i - 1].End).IndexOfAny(".!?\n") >= 0)
                    {
                        start = i;
                        break;
                    }
                }
                end = Math.Min(start + length, words.Count);
            }
        }
        if (words.Count == 0)
        {
            return System.Net.WebUtility.HtmlEncode(text);
        }
        var html = new System.Text.StringBuilder(start > 0 ? "…" : "");
        var from = start == 0 ? 0 : words[start].Start;
        for (var i = start; i < end; i++)
        {
            if (terms[i] >= 0)
            {
                html.Append(ReferenceBetween(text, from, words[i].Start)).Append("<mark>")
                    .Append(System.Net.WebUtility.HtmlEncode(text[words[i].Start..words[i].End])).Append("</mark>");
                from = words[i].End;
            }
        }
        html.Append(ReferenceBetween(text, from, end < words.Count ? words[end - 1].End : text.Length));
        return html.Append(end < words.Count ? "…" : "").ToString();
    }

    /// <summary>The text between two marks: a run of white space with a line break, after a line that ends without a stop and before more text, is " · ".</summary>
    private static string ReferenceBetween(string text, int from, int to)
    {
        var html = new System.Text.StringBuilder();
        for (var i = from; i < to;)
        {
            var white = char.IsWhiteSpace(text[i]);
            var end = i;
            while (end < text.Length && char.IsWhiteSpace(text[end]) == white)
            {
                end++;
            }
            var run = text[i..Math.Min(end, to)];
            html.Append(white && run.Contains('\n', StringComparison.Ordinal) && i > 0 && end < text.Length && !".!?:;,…".Contains(text[i - 1], StringComparison.Ordinal)
                ? " · "
                : System.Net.WebUtility.HtmlEncode(run));
            i += run.Length;
        }
        return html.ToString();
    }
}
