using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace InterviewPrep.Bench;

/// <summary>
/// Writes a synthetic content folder of N questions that the importer accepts, plus the URL lists the
/// benchmark drives (question pages, search queries). Seeded: the same N and seed give the same bytes.
/// </summary>
internal sealed partial class BankGenerator(int count, int seed)
{
    private static readonly string[] Difficulties = ["easy", "medium", "hard"];

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "that", "with", "for", "you", "your", "this", "from", "what", "when", "how", "which", "are", "not",
        "but", "than", "then", "one", "would", "does", "into", "each", "more", "most", "only", "they", "their", "them",
        "have", "has", "was", "were", "will", "can", "its", "our", "about", "where", "why", "who", "while", "after",
        "before", "also", "just", "say", "said", "very", "over", "under", "some", "such", "there", "these", "those",
    };

    /// <summary>Words a candidate would type into the search box: those of topics, contexts, metrics and terms.</summary>
    private static readonly HashSet<string> DomainWords = WordsOf(string.Join(' ', Vocabulary.Topics.Values
        .SelectMany(t => t).Select(t => t.Phrase)
        .Concat(Vocabulary.Contexts).Concat(Vocabulary.Metrics).Concat(Vocabulary.Models).Concat(Vocabulary.Data)
        .Concat(Vocabulary.RareTerms)));

    private readonly Random _rng = new(seed);
    private readonly double[] _rareCumulative = ZipfCumulative(Vocabulary.RareTerms.Length, 1.1);

    private sealed record Question(int Index, string Category, Scene Scene, string Slug, string Title)
    {
        public List<string> Related { get; } = [];
    }

    /// <summary>What a question's sentences are about: fixed per question, so its text hangs together.</summary>
    private sealed record Scene(Topic Topic, Topic Other, string Context, string Metric, string Model, string Data);

    public void Write(string outDirectory, string categoriesFrom, string guidesFrom)
    {
        var content = Path.Combine(outDirectory, "content");
        if (Directory.Exists(outDirectory))
        {
            Directory.Delete(outDirectory, recursive: true);
        }
        Directory.CreateDirectory(Path.Combine(content, "questions"));
        CopyFolder(categoriesFrom, Path.Combine(content, "categories"));
        if (Directory.Exists(guidesFrom))
        {
            CopyFolder(guidesFrom, Path.Combine(content, "guides"));
        }

        var questions = PlanQuestions();
        var documentWords = new List<HashSet<string>>(questions.Count);
        foreach (var question in questions)
        {
            var text = Render(question);
            var folder = Path.Combine(content, "questions", question.Category);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, question.Slug + ".md"), text, new UTF8Encoding(false));
            documentWords.Add(WordsOf(text));
        }

        var urls = Path.Combine(outDirectory, "urls");
        Directory.CreateDirectory(urls);
        var shuffled = questions.OrderBy(_ => _rng.Next()).Select(q => "/questions/" + q.Slug).ToList();
        File.WriteAllLines(Path.Combine(urls, "question.txt"), shuffled.Take(200));
        File.WriteAllLines(Path.Combine(urls, "question-all.txt"), shuffled);
        var candidates = SearchCandidates(documentWords);
        File.WriteAllLines(Path.Combine(urls, "search.txt"), PopularQueries(candidates).Select(SearchUrl));
        // More queries than the three runs of the scenario send in all (50,000 to 90,000 at 10,000 questions, as fast as the
        // machine is that hour), so that none is asked twice: with 20,000 the run at 64 connections was mostly queries
        // asked before, some of them stored then.
        File.WriteAllLines(Path.Combine(urls, "search-many.txt"), ManyQueries(candidates, 160_000).Select(SearchUrl));

        var pages = Math.Max(1, (questions.Count + 19) / 20);
        var byCategory = questions.GroupBy(q => q.Category).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        File.WriteAllLines(Path.Combine(outDirectory, "manifest.txt"),
        [
            $"count={questions.Count}",
            $"seed={seed}",
            $"list_pages={pages}",
            $"deep_page={Math.Max(1, pages * 4 / 5)}",
            "category=theory",
            $"category_count={byCategory.GetValueOrDefault("theory")}",
            $"bytes_total={questions.Sum(q => new FileInfo(Path.Combine(content, "questions", q.Category, q.Slug + ".md")).Length)}",
        ]);
        Console.WriteLine($"Wrote {questions.Count} questions in {byCategory.Count} categories to {content}");
    }

    private List<Question> PlanQuestions()
    {
        var categories = Vocabulary.Topics.Keys.ToArray();
        // Categories differ in size a little, as in a real bank.
        var weights = categories.Select(_ => 0.85 + (0.3 * _rng.NextDouble())).ToArray();
        var cumulative = Cumulative(weights);
        var titles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var questions = new List<Question>(count);
        for (var i = 1; i <= count; i++)
        {
            var category = categories[Pick(cumulative)];
            var topics = Vocabulary.Topics[category];
            var templates = category switch
            {
                "coding" => Vocabulary.CodingTitleTemplates,
                "behavioral" => Vocabulary.BehavioralTitleTemplates,
                _ => Vocabulary.TitleTemplates,
            };
            Scene scene = null!;
            string? title = null;
            for (var attempt = 0; attempt < 40 && title is null; attempt++)
            {
                scene = NewScene(category, topics[_rng.Next(topics.Length)]);
                var candidate = Sentence(One(templates), scene);
                if (titles.Add(candidate))
                {
                    title = candidate;
                }
            }
            if (title is null)
            {
                // The combinations ran out for this category: keep the title unique with a visible case number.
                title = Sentence(One(templates), scene);
                title = $"{title[..^1]} (case {i.ToString(CultureInfo.InvariantCulture)}){title[^1]}";
                titles.Add(title);
            }
            var slug = $"{Slugify(scene.Topic.Phrase)}-{i.ToString("D5", CultureInfo.InvariantCulture)}";
            questions.Add(new Question(i, category, scene, slug, title));
        }

        var byCategory = questions.GroupBy(q => q.Category).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var question in questions)
        {
            var wanted = 1 + _rng.Next(3);
            for (var attempt = 0; attempt < 20 && question.Related.Count < wanted; attempt++)
            {
                var pool = _rng.NextDouble() < 0.7 ? byCategory[question.Category] : questions;
                var other = pool[_rng.Next(pool.Count)];
                if (other != question && !question.Related.Contains(other.Slug, StringComparer.Ordinal))
                {
                    question.Related.Add(other.Slug);
                }
            }
        }
        return questions;
    }

    private string Render(Question question)
    {
        var scene = question.Scene;
        var difficulty = Difficulties[Pick(Cumulative([0.3, 0.45, 0.25]))];
        var tags = Tags(question);
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append(CultureInfo.InvariantCulture, $"title: \"{question.Title}\"\n");
        text.Append(CultureInfo.InvariantCulture, $"category: {question.Category}\n");
        text.Append(CultureInfo.InvariantCulture, $"difficulty: {difficulty}\n");
        text.Append(CultureInfo.InvariantCulture, $"tags: [{string.Join(", ", tags)}]\n");
        if (question.Related.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"related: [{string.Join(", ", question.Related)}]\n");
        }
        text.Append("---\n");
        text.Append("## Answer\n\n").Append(Answer(question.Category, scene));
        text.Append("## How to answer it\n\n").Append(HowToAnswer(scene));
        text.Append("## Example answer\n\n").Append(ExampleAnswer(scene));
        text.Append("## Follow-ups\n\n").Append(FollowUps(scene));
        text.Append("## Key points\n\n").Append(KeyPoints(scene));
        return text.ToString();
    }

    private string Answer(string category, Scene scene)
    {
        var target = 350 + _rng.Next(201);
        var sentences = new Deck<string>(Vocabulary.AnswerSentences, _rng);
        var headings = new Deck<string>(Vocabulary.Headings, _rng);
        var text = new StringBuilder();
        var words = 0;

        void Paragraph(int sentenceCount, bool inlineMath = false)
        {
            var parts = Enumerable.Range(0, sentenceCount).Select(_ => Sentence(sentences.Next(), scene)).ToList();
            if (inlineMath)
            {
                parts.Add($"Keep an eye on {One(Vocabulary.InlineMath)} here.");
            }
            var paragraph = string.Join(' ', parts);
            words += CountWords(paragraph);
            text.Append(paragraph).Append("\n\n");
        }

        void Heading() => text.Append("### ").Append(headings.Next()).Append("\n\n");

        Paragraph(2 + _rng.Next(2));
        Heading();
        Paragraph(2 + _rng.Next(2));
        var bullets = new Deck<string>(Vocabulary.Bullets, _rng);
        for (var i = 0; i < 3 + _rng.Next(3); i++)
        {
            var bullet = Sentence(bullets.Next(), scene);
            words += CountWords(bullet);
            text.Append("- ").Append(bullet).Append('\n');
        }
        text.Append('\n');

        if (_rng.NextDouble() < (category == "behavioral" ? 0.1 : 0.85))
        {
            var (latex, explanation) = One(Vocabulary.Formulas);
            text.Append("The quantity to keep in mind:\n\n$$\n").Append(latex).Append("\n$$\n\n").Append(explanation).Append("\n\n");
            words += 5 + CountWords(explanation);
        }

        Heading();
        Paragraph(2 + _rng.Next(2), inlineMath: true);
        if (category == "coding" || (category != "behavioral" && _rng.NextDouble() < 0.25))
        {
            var which = _rng.Next(Vocabulary.Code.Length);
            var (code, complexity) = Vocabulary.Code[which];
            text.Append("A compact implementation:\n\n```python\n")
                .Append(code.Replace("{f}", Vocabulary.FunctionNames[which], StringComparison.Ordinal))
                .Append("\n```\n\n").Append(complexity).Append("\n\n");
            words += 3 + CountWords(complexity);
        }

        Heading();
        var steps = new Deck<string>(Vocabulary.NumberedSteps, _rng);
        for (var i = 1; i <= 3 + _rng.Next(2); i++)
        {
            var step = Sentence(steps.Next(), scene);
            words += CountWords(step);
            text.Append(CultureInfo.InvariantCulture, $"{i}. {step}\n");
        }
        text.Append('\n');
        while (words < target && sentences.Remaining > 0)
        {
            Paragraph(Math.Min(2 + _rng.Next(2), sentences.Remaining));
        }
        return text.ToString();
    }

    private string HowToAnswer(Scene scene)
    {
        var target = 110 + _rng.Next(41);
        var sentences = new Deck<string>(Vocabulary.HowToSentences, _rng);
        var text = new StringBuilder();
        var first = $"{Sentence(sentences.Next(), scene)} {Sentence(sentences.Next(), scene)}";
        var words = CountWords(first);
        text.Append(first).Append("\n\nA good structure:\n\n");
        var steps = new Deck<string>(Vocabulary.HowToSteps, _rng);
        for (var i = 1; i <= 4 + _rng.Next(2); i++)
        {
            var step = Sentence(steps.Next(), scene);
            words += CountWords(step);
            text.Append(CultureInfo.InvariantCulture, $"{i}. {step}\n");
        }
        var mistakes = new Deck<string>(Vocabulary.Mistakes, _rng);
        var closing = $"Common mistakes: {mistakes.Next()}, {mistakes.Next()} and {mistakes.Next()}.";
        words += CountWords(closing);
        while (words < target && sentences.Remaining > 0)
        {
            var more = Sentence(sentences.Next(), scene);
            words += CountWords(more);
            closing += " " + more;
        }
        text.Append('\n').Append(closing).Append("\n\n");
        return text.ToString();
    }

    private string ExampleAnswer(Scene scene)
    {
        var target = 90 + _rng.Next(41);
        var sentences = new Deck<string>(Vocabulary.ExampleSentences, _rng);
        var parts = new List<string>();
        var words = 0;
        while (words < target && sentences.Remaining > 0)
        {
            var sentence = Sentence(sentences.Next(), scene);
            words += CountWords(sentence);
            parts.Add(sentence);
        }
        return string.Join(' ', parts) + "\n\n";
    }

    private string FollowUps(Scene scene)
    {
        var deck = new Deck<string>(Vocabulary.FollowUps, _rng);
        return string.Concat(Enumerable.Range(0, 3).Select(_ => "- " + Sentence(deck.Next(), scene) + "\n"));
    }

    private string KeyPoints(Scene scene)
    {
        var deck = new Deck<string>(Vocabulary.KeyPoints, _rng);
        return string.Concat(Enumerable.Range(0, 3 + _rng.Next(3)).Select(_ => "- " + Sentence(deck.Next(), scene) + "\n"));
    }

    private List<string> Tags(Question question)
    {
        var tags = new List<string>(question.Scene.Topic.Tags);
        var pool = Vocabulary.Topics[question.Category].SelectMany(t => t.Tags).Distinct().ToArray();
        for (var extra = _rng.Next(3); extra > 0; extra--)
        {
            var tag = pool[_rng.Next(pool.Length)];
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }
        return tags;
    }

    private Scene NewScene(string category, Topic topic)
    {
        var topics = Vocabulary.Topics[category];
        var other = topics[_rng.Next(topics.Length)];
        if (other == topic)
        {
            other = topics[(Array.IndexOf(topics, topic) + 1) % topics.Length];
        }
        return new Scene(topic, other, One(Vocabulary.Contexts), One(Vocabulary.Metrics), One(Vocabulary.Models), One(Vocabulary.Data));
    }

    /// <summary>Fills a template's slots; a capital slot letter capitalizes the value.</summary>
    private string Sentence(string template, Scene scene)
    {
        var result = new StringBuilder(template.Length + 64);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 2 < template.Length && template[i + 2] == '}')
            {
                var slot = template[i + 1];
                var value = char.ToLowerInvariant(slot) switch
                {
                    't' => scene.Topic.Phrase,
                    'u' => scene.Other.Phrase,
                    'c' => scene.Context,
                    'm' => scene.Metric,
                    'a' => scene.Model,
                    'd' => scene.Data,
                    'n' => (5 + _rng.Next(60)).ToString(CultureInfo.InvariantCulture),
                    'r' => Vocabulary.RareTerms[Pick(_rareCumulative)],
                    _ => throw new InvalidOperationException($"unknown slot {{{slot}}} in '{template}'"),
                };
                result.Append(char.IsUpper(slot) ? char.ToUpperInvariant(value[0]) + value[1..] : value);
                i += 2;
            }
            else
            {
                result.Append(template[i]);
            }
        }
        return result.ToString();
    }

    private static string SearchUrl(string query) =>
        "/questions?q=" + Uri.EscapeDataString(query).Replace("%20", "+", StringComparison.Ordinal);

    /// <summary>The words a candidate could search for, most frequent first (by how many questions hold them).</summary>
    private static List<string> SearchCandidates(List<HashSet<string>> documents)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in documents.SelectMany(d => d))
        {
            frequency[word] = frequency.GetValueOrDefault(word) + 1;
        }
        return frequency
            .Where(f => f.Key.Length >= 4 && DomainWords.Contains(f.Key) && !StopWords.Contains(f.Key))
            .OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key).ToList();
    }

    /// <summary>
    /// Forty popular queries, asked again and again: twelve common words, eight pairs of common words,
    /// twelve rare words, four prefixes (the last word matches as a prefix), four common-plus-rare pairs.
    /// </summary>
    private static List<string> PopularQueries(List<string> candidates)
    {
        string Common(int rank) => candidates[Math.Min(rank, candidates.Count - 1)];
        var rare = candidates.Skip(Math.Max(0, candidates.Count - 24)).ToList();
        string Rare(int i) => rare[Math.Min(i * 2, rare.Count - 1)];
        string Prefix(int rank) => Common(rank)[..Math.Min(5, Common(rank).Length)];
        var queries = new List<string>();
        queries.AddRange(Enumerable.Range(0, 12).Select(i => Common(i * 3)));
        queries.AddRange(Enumerable.Range(0, 8).Select(i => $"{Common(i + 1)} {Common(i + 12)}"));
        queries.AddRange(Enumerable.Range(0, 12).Select(Rare));
        queries.AddRange(Enumerable.Range(0, 4).Select(i => Prefix(40 + (i * 5))));
        queries.AddRange(Enumerable.Range(0, 4).Select(i => $"{Common(i * 7)} {Rare(i + 6)}"));
        return queries;
    }

    /// <summary>
    /// Distinct queries in the same mix (about half common words, a quarter rare, the rest prefixes
    /// and pairs), so that a run asks each once and measures the search, not a cached page.
    /// </summary>
    private List<string> ManyQueries(List<string> candidates, int count)
    {
        var common = candidates.Take(Math.Max(1, candidates.Count / 3)).ToArray();
        var rare = candidates.Skip(candidates.Count / 3).ToArray();
        if (rare.Length == 0)
        {
            rare = common;
        }
        var queries = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; queries.Count < count && attempt < count * 20; attempt++)
        {
            var roll = _rng.NextDouble();
            var query = roll switch
            {
                < 0.25 => $"{One(common)} {One(common)}",
                < 0.45 => $"{One(common)} {One(common)} {One(common)}",
                < 0.60 => $"{One(common)} {One(rare)}",
                < 0.75 => $"{One(rare)} {One(rare)}",
                < 0.90 => $"{One(common)} {Prefix(One(common.Concat(rare).ToArray()))}",
                _ => roll < 0.95 ? One(common) : One(rare),
            };
            if (seen.Add(query))
            {
                queries.Add(query);
            }
        }
        return queries;
    }

    private string Prefix(string word) => word[..Math.Min(word.Length, 3 + _rng.Next(3))];

    private static HashSet<string> WordsOf(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in WordPattern().Matches(text))
        {
            words.Add(match.Value.ToLowerInvariant());
        }
        return words;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();

    private static string Slugify(string phrase)
    {
        var slug = NotSlug().Replace(phrase.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal), "-").Trim('-');
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }

    private static int CountWords(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private T One<T>(T[] items) => items[_rng.Next(items.Length)];

    private int Pick(double[] cumulative)
    {
        var x = _rng.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    private static double[] Cumulative(double[] weights)
    {
        var result = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            result[i] = sum;
        }
        return result;
    }

    private static double[] ZipfCumulative(int n, double exponent) =>
        Cumulative(Enumerable.Range(1, n).Select(k => 1.0 / Math.Pow(k, exponent)).ToArray());

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*.md"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    /// <summary>Draws items in a shuffled order without repeats, so a section never says the same thing twice.</summary>
    private sealed class Deck<T>
    {
        private readonly T[] _items;
        private int _next;

        public Deck(T[] items, Random rng)
        {
            _items = (T[])items.Clone();
            rng.Shuffle(_items);
        }

        public int Remaining => _items.Length - _next;

        public T Next() => _items[_next++ % _items.Length];
    }
}
