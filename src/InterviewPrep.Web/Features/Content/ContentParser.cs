using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using InterviewPrep.Web.Features.Questions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InterviewPrep.Web.Features.Content;

/// <summary>
/// Turns the text of one content file into a document, or into the list of everything wrong with it.
/// Pure: no files, no database. It never throws for bad input; every problem comes back with its line.
/// </summary>
public static partial class ContentParser
{
    public const string AnswerSection = "Answer";
    public const string HowToAnswerSection = "How to answer it";
    public const string ExampleAnswerSection = "Example answer";
    public const string FollowUpsSection = "Follow-ups";
    public const string KeyPointsSection = "Key points";

    public static readonly IReadOnlyList<string> QuestionSections =
        [AnswerSection, HowToAnswerSection, ExampleAnswerSection, FollowUpsSection, KeyPointsSection];

    /// <summary>How many key points a question has: enough to score an answer by, few enough to tick in a minute.</summary>
    public const int MinKeyPoints = 3, MaxKeyPoints = 6;

    private static readonly string[] QuestionFields = ["title", "category", "difficulty", "tags", "related"];
    private static readonly string[] PageFields = ["title", "order", "summary"];
    private const int MaxTitleLength = 200;
    private const int MaxListItems = 20;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    /// <summary>True for a lower-case, hyphenated slug such as <c>precision-and-recall</c>.</summary>
    public static bool IsSlug(string value) => value.Length <= 100 && SlugPattern().IsMatch(value);

    /// <summary>Decodes a file's bytes as strict UTF-8 text, refusing empty, oversized and binary files.</summary>
    public static string? Decode(string path, ReadOnlySpan<byte> bytes, int maxBytes, List<ContentProblem> problems)
    {
        if (!CheckSize(path, bytes.Length, maxBytes, problems))
        {
            return null;
        }
        if (bytes.IsEmpty)
        {
            problems.Add(new(path, 1, "the file is empty"));
            return null;
        }
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            problems.Add(new(path, LineAt(bytes, nul), "the file is binary (it contains a NUL byte), not markdown text"));
            return null;
        }
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            text = text.TrimStart('\uFEFF').ReplaceLineEndings("\n");
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(new(path, 1, "the file has only white space"));
                return null;
            }
            return text;
        }
        catch (DecoderFallbackException ex)
        {
            problems.Add(new(path, LineAt(bytes, Math.Max(ex.Index, 0)), "the file is not valid UTF-8 text; save it as UTF-8"));
            return null;
        }
    }

    /// <summary>False, with a problem, for a file over the size limit; such a file is not read at all.</summary>
    public static bool CheckSize(string path, long length, int maxBytes, List<ContentProblem> problems)
    {
        if (length <= maxBytes)
        {
            return true;
        }
        problems.Add(new(path, 1, $"the file is {FormatSize(length)}; the limit is {FormatSize(maxBytes)}"));
        return false;
    }

    /// <summary>Parses a question file found in <c>questions/&lt;folderCategory&gt;/</c>.</summary>
    public static QuestionDocument? ParseQuestion(string path, string slug, string folderCategory, string text, List<ContentProblem> problems)
    {
        var before = problems.Count;
        if (!IsSlug(slug))
        {
            problems.Add(new(path, 1, $"the file name '{slug}' is not a slug: use lower-case letters, digits and hyphens"));
        }
        var split = SplitFrontMatter(path, text, problems);
        if (split is null)
        {
            return null;
        }
        var (fields, bodyLine, body) = split.Value;
        CheckKnownFields(path, fields, QuestionFields, problems);

        var title = RequiredString(path, fields, "title", problems);
        if (title is { Length: > MaxTitleLength })
        {
            problems.Add(new(path, fields["title"].Line, $"the title is {title.Length} characters; keep it under {MaxTitleLength}"));
        }
        var category = RequiredString(path, fields, "category", problems);
        if (category is not null && !string.Equals(category, folderCategory, StringComparison.Ordinal))
        {
            problems.Add(new(path, fields["category"].Line, $"category '{category}' does not match the folder 'questions/{folderCategory}'"));
        }
        var difficultyText = RequiredString(path, fields, "difficulty", problems);
        Difficulty difficulty = default;
        if (difficultyText is not null && !TryParseDifficulty(difficultyText, out difficulty))
        {
            problems.Add(new(path, fields["difficulty"].Line, $"difficulty '{difficultyText}' is not one of easy, medium, hard"));
        }
        var tags = SlugList(path, fields, "tags", problems);
        var related = SlugList(path, fields, "related", problems);
        if (related.Contains(slug, StringComparer.Ordinal))
        {
            problems.Add(new(path, fields["related"].Line, "a question cannot be related to itself"));
        }

        var sections = SplitSections(path, body, bodyLine, QuestionSections, problems);
        if (sections.TryGetValue(KeyPointsSection, out var keyPoints) && keyPoints.Text.Length > 0)
        {
            CheckKeyPoints(path, keyPoints.Text, keyPoints.Line, problems);
        }
        if (problems.Count > before || title is null || category is null)
        {
            return null;
        }
        return new QuestionDocument(
            slug, path, title, category, difficulty, tags, related,
            sections[AnswerSection].Text, sections[HowToAnswerSection].Text, sections[ExampleAnswerSection].Text,
            sections[FollowUpsSection].Text, sections[KeyPointsSection].Text)
        {
            TitleLine = fields["title"].Line,
            CategoryLine = fields["category"].Line,
            RelatedLine = fields.TryGetValue("related", out var r) ? r.Line : 1,
        };
    }

    /// <summary>Parses a category or guide file: title, order, summary and a markdown body.</summary>
    public static PageDocument? ParsePage(string path, string slug, string text, List<ContentProblem> problems)
    {
        var before = problems.Count;
        if (!IsSlug(slug))
        {
            problems.Add(new(path, 1, $"the file name '{slug}' is not a slug: use lower-case letters, digits and hyphens"));
        }
        var split = SplitFrontMatter(path, text, problems);
        if (split is null)
        {
            return null;
        }
        var (fields, bodyLine, body) = split.Value;
        CheckKnownFields(path, fields, PageFields, problems);
        var title = RequiredString(path, fields, "title", problems);
        var order = 0;
        if (fields.TryGetValue("order", out var orderField)
            && !int.TryParse(orderField.Scalar, NumberStyles.Integer, CultureInfo.InvariantCulture, out order))
        {
            problems.Add(new(path, orderField.Line, "order must be a whole number"));
        }
        var summary = fields.TryGetValue("summary", out var summaryField) ? summaryField.Scalar ?? "" : "";
        if (summaryField is { Scalar: null })
        {
            problems.Add(new(path, summaryField.Line, "summary must be text"));
        }
        if (string.IsNullOrWhiteSpace(body))
        {
            problems.Add(new(path, bodyLine, "the page has no text after its front matter"));
        }
        if (problems.Count > before || title is null)
        {
            return null;
        }
        return new PageDocument(slug, path, title, order, summary.Trim(), body.Trim());
    }

    public static bool TryParseDifficulty(string? text, out Difficulty difficulty)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "easy": difficulty = Difficulty.Easy; return true;
            case "medium": difficulty = Difficulty.Medium; return true;
            case "hard": difficulty = Difficulty.Hard; return true;
            default: difficulty = default; return false;
        }
    }

    private readonly record struct Field(int Line, string? Scalar, IReadOnlyList<(int Line, string? Value)>? Items);

    private static (Dictionary<string, Field> Fields, int BodyLine, string Body)? SplitFrontMatter(
        string path, string text, List<ContentProblem> problems)
    {
        var lines = text.Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            problems.Add(new(path, 1, "the file must start with front matter: a line '---', the fields, and another '---'"));
            return null;
        }
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            problems.Add(new(path, 1, "the front matter is not closed: add a line '---' after the fields"));
            return null;
        }
        var yaml = string.Join('\n', lines[1..close]);
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                problems.Add(new(path, 2, "the front matter must be a list of 'field: value' lines"));
                return null;
            }
            foreach (var (keyNode, valueNode) in root.Children)
            {
                var line = (int)keyNode.Start.Line + 1;
                if (keyNode is not YamlScalarNode { Value: { } key })
                {
                    problems.Add(new(path, line, "a front matter field name must be plain text"));
                    continue;
                }
                fields[key] = valueNode switch
                {
                    YamlScalarNode scalar => new Field(line, scalar.Value ?? "", null),
                    YamlSequenceNode sequence => new Field(line, null, sequence.Children
                        .Select(item => ((int)item.Start.Line + 1, (item as YamlScalarNode)?.Value))
                        .ToList()),
                    _ => new Field(line, null, null),
                };
            }
        }
        catch (YamlException ex)
        {
            var line = (int)Math.Max(ex.Start.Line, 1) + 1;
            problems.Add(new(path, Math.Min(line, close + 1), $"the front matter is not valid YAML: {FirstSentence(ex.Message)}"));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these for a few malformed inputs (an unclosed flow list, a repeated key) without a position.
            problems.Add(new(path, close + 1, $"the front matter is not valid YAML: {FirstSentence(ex.Message)}; check for an unclosed [ or \" or a field given twice"));
            return null;
        }
        var body = string.Join('\n', lines[(close + 1)..]);
        return (fields, close + 2, body);
    }

    private static void CheckKnownFields(string path, Dictionary<string, Field> fields, string[] known, List<ContentProblem> problems)
    {
        foreach (var (name, field) in fields)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                problems.Add(new(path, field.Line, $"unknown field '{name}'; the fields are {string.Join(", ", known)}"));
            }
        }
    }

    private static string? RequiredString(string path, Dictionary<string, Field> fields, string name, List<ContentProblem> problems)
    {
        if (!fields.TryGetValue(name, out var field))
        {
            problems.Add(new(path, 1, $"the field '{name}' is missing from the front matter"));
            return null;
        }
        if (field.Scalar is null)
        {
            problems.Add(new(path, field.Line, $"the field '{name}' must be text, not a list or a mapping"));
            return null;
        }
        if (string.IsNullOrWhiteSpace(field.Scalar))
        {
            problems.Add(new(path, field.Line, $"the field '{name}' is empty"));
            return null;
        }
        return field.Scalar.Trim();
    }

    private static List<string> SlugList(string path, Dictionary<string, Field> fields, string name, List<ContentProblem> problems)
    {
        if (!fields.TryGetValue(name, out var field) || field.Scalar == "")
        {
            return [];
        }
        if (field.Items is null)
        {
            problems.Add(new(path, field.Line, $"'{name}' must be a list, such as [first, second]"));
            return [];
        }
        if (field.Items.Count > MaxListItems)
        {
            problems.Add(new(path, field.Line, $"'{name}' has {field.Items.Count} entries; the limit is {MaxListItems}"));
        }
        var result = new List<string>();
        foreach (var (line, value) in field.Items)
        {
            if (value is null || !IsSlug(value))
            {
                problems.Add(new(path, line, $"'{value}' in '{name}' is not a slug: use lower-case letters, digits and hyphens"));
            }
            else if (result.Contains(value, StringComparer.Ordinal))
            {
                problems.Add(new(path, line, $"'{value}' appears twice in '{name}'"));
            }
            else
            {
                result.Add(value);
            }
        }
        return result;
    }

    /// <summary>Splits a body on its <c>## </c> headings (outside fenced code) and checks them against the expected list.</summary>
    private static Dictionary<string, (string Text, int Line)> SplitSections(
        string path, string body, int bodyLine, IReadOnlyList<string> expected, List<ContentProblem> problems)
    {
        var sections = new Dictionary<string, (string Text, int Line)>(StringComparer.Ordinal);
        var found = new List<(string Name, int Line)>();
        var current = new StringBuilder();
        string? name = null;
        var nameLine = bodyLine;
        string? fence = null;
        var lines = body.Split('\n');

        void Flush()
        {
            var content = current.ToString().Trim();
            if (name is null)
            {
                if (content.Length > 0)
                {
                    problems.Add(new(path, bodyLine, $"text before the first section; start the body with '## {expected[0]}'"));
                }
            }
            else if (sections.ContainsKey(name))
            {
                problems.Add(new(path, nameLine, $"the section '## {name}' appears twice"));
            }
            else
            {
                if (content.Length == 0)
                {
                    problems.Add(new(path, nameLine, $"the section '## {name}' is empty"));
                }
                sections[name] = (content, nameLine);
            }
            current.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
            }
            else if (fence is not null && trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.TrimEnd().Trim(fence[0]).Length == 0)
            {
                fence = null;
            }
            else if (fence is null && line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                name = line[3..].Trim().TrimEnd('#').Trim();
                nameLine = bodyLine + i;
                found.Add((name, nameLine));
                if (!expected.Contains(name, StringComparer.Ordinal))
                {
                    problems.Add(new(path, nameLine, $"unknown section '## {name}'; the sections are {string.Join(", ", expected.Select(e => $"'## {e}'"))}"));
                }
                continue;
            }
            current.Append(line).Append('\n');
        }
        Flush();
        if (fence is not null)
        {
            problems.Add(new(path, bodyLine + lines.Length - 1, $"a code block opened with {fence} is never closed"));
        }

        foreach (var section in expected)
        {
            if (!sections.ContainsKey(section))
            {
                problems.Add(new(path, bodyLine, $"the section '## {section}' is missing"));
            }
        }
        var order = found.Where(f => expected.Contains(f.Name, StringComparer.Ordinal)).ToList();
        for (var i = 1; i < order.Count; i++)
        {
            if (IndexOf(expected, order[i].Name) < IndexOf(expected, order[i - 1].Name))
            {
                problems.Add(new(path, order[i].Line, $"the section '## {order[i].Name}' must come before '## {order[i - 1].Name}'"));
                break;
            }
        }
        return sections;
    }

    /// <summary>The items of a key-points list: each top-level bullet with its continuation lines, as markdown.</summary>
    public static IReadOnlyList<string> KeyPointItems(string markdown)
    {
        var items = new List<string>();
        StringBuilder? item = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (IsBullet(line))
            {
                if (item is not null)
                {
                    items.Add(item.ToString().Trim());
                }
                item = new StringBuilder(line[2..].Trim());
            }
            else if (item is not null && line.Trim().Length > 0)
            {
                item.Append(' ').Append(line.Trim());
            }
        }
        if (item is not null)
        {
            items.Add(item.ToString().Trim());
        }
        return items;
    }

    private static bool IsBullet(string line) => line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal);

    /// <summary>Key points are a plain list of a few bullets: each one is ticked on its own when a mock answer is scored.</summary>
    private static void CheckKeyPoints(string path, string text, int line, List<ContentProblem> problems)
    {
        var lines = text.Split('\n');
        if (lines.FirstOrDefault(l => l.Trim().Length > 0 && !IsBullet(l) && !char.IsWhiteSpace(l[0])) is { } stray)
        {
            problems.Add(new(path, line + 1 + Array.IndexOf(lines, stray), "the key points must be a list: start each point with '- '"));
            return;
        }
        var count = KeyPointItems(text).Count;
        if (count is < MinKeyPoints or > MaxKeyPoints)
        {
            problems.Add(new(path, line, $"the key points have {count} bullets; write {MinKeyPoints} to {MaxKeyPoints}"));
        }
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }
        return -1;
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int index) =>
        bytes[..Math.Min(index, bytes.Length)].Count((byte)'\n') + 1;

    private static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB");

    private static string FirstSentence(string message)
    {
        var text = message.Replace('\n', ' ').Trim();
        var cut = text.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? text[..cut] : text.TrimEnd('.');
    }
}
