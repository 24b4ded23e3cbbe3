using System.Text.RegularExpressions;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Features.Questions;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Content;

/// <summary>
/// The content check: the real <c>content/</c> folder validates with no problem, and the bank meets the
/// bar of a finished product. (Formulas are checked by KaTeX itself in the browser tests.)
/// </summary>
public sealed partial class TheQuestionBank
{
    private static readonly string[] Categories =
        ["theory", "practical", "coding", "data", "frameworks", "statistics", "deep-learning", "system-design", "behavioral", "genai"];

    private static readonly Lazy<List<QuestionDocument>> Questions = new(ParseAll);

    private static List<QuestionDocument> ParseAll()
    {
        var docs = new List<QuestionDocument>();
        var problems = new List<ContentProblem>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.ContentDirectory, "questions"), "*.md", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repository.ContentDirectory, file).Replace('\\', '/');
            var text = ContentParser.Decode(relative, File.ReadAllBytes(file), 256 * 1024, problems);
            var doc = text is null ? null : ContentParser.ParseQuestion(relative, Path.GetFileNameWithoutExtension(file), Path.GetFileName(Path.GetDirectoryName(file))!, text, problems);
            if (doc is not null)
            {
                docs.Add(doc);
            }
        }
        Assert.Empty(problems.Select(p => p.ToString()));
        return docs;
    }

    [GeneratedRegex(@"^\s*[-*] ", RegexOptions.Multiline)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex Word();

    [Fact]
    public async Task ImportsWithNoValidationProblem()
    {
        using var content = new TestContent();
        using var app = new AppFactory(content);
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContentOptions>>();
        options.Value.Directory = Repository.ContentDirectory;
        var location = new ContentLocation(options, scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>());
        var importer = ActivatorUtilities.CreateInstance<ContentImporter>(scope.ServiceProvider, location);

        var report = await importer.CheckAsync();

        Assert.Empty(report.Problems.Select(p => p.ToString()));
        Assert.Equal(0, report.Rejected);
    }

    [Fact]
    public void HasAtLeast360QuestionsSixtyInGenerativeAIAndTwentyFiveInEveryCategory()
    {
        Assert.True(Questions.Value.Count >= 360, $"{Questions.Value.Count} questions");
        Assert.True(Questions.Value.Count(q => q.Category == "genai") >= 60, "genai has fewer than 60 questions");
        foreach (var category in Categories)
        {
            var count = Questions.Value.Count(q => q.Category == category);
            Assert.True(count >= 25, $"{category} has {count} questions");
        }
    }

    [Theory]
    [MemberData(nameof(CategoryNames))]
    public void IsAboutAQuarterEasyAndAQuarterHardInEveryCategory(string category)
    {
        var questions = Questions.Value.Where(q => q.Category == category).ToList();
        var easy = questions.Count(q => q.Difficulty == Difficulty.Easy) / (double)questions.Count;
        var hard = questions.Count(q => q.Difficulty == Difficulty.Hard) / (double)questions.Count;

        Assert.InRange(easy, 0.2, 0.35);
        Assert.InRange(hard, 0.2, 0.35);
    }

    public static TheoryData<string> CategoryNames() => [.. Categories];

    [Fact]
    public void HasThreeToSixKeyPointsInEveryQuestion() =>
        Assert.Empty(Questions.Value
            .Select(q => (q.Path, Count: ContentParser.KeyPointItems(q.KeyPoints).Count))
            .Where(x => x.Count is < ContentParser.MinKeyPoints or > ContentParser.MaxKeyPoints)
            .Select(x => $"{x.Path}: {x.Count} key points"));

    [Fact]
    public void HasTheOriginTopics()
    {
        string[] origin = ["overfitting", "supervised-vs-unsupervised", "precision-and-recall", "confusion-matrix", "handling-missing-data",
            "cross-validation", "feature-engineering", "regularization", "evaluating-regression-models"];

        Assert.Empty(origin.Except(Questions.Value.Select(q => q.Slug)));
    }

    [Fact]
    public void HasNoDuplicatedTitle() =>
        Assert.Empty(Questions.Value.GroupBy(q => q.Title.Trim().ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => g.Key));

    [Fact]
    public void HasRelatedLinksThatResolve()
    {
        var slugs = Questions.Value.Select(q => q.Slug).ToHashSet();

        Assert.Empty(Questions.Value.SelectMany(q => q.Related.Where(r => !slugs.Contains(r)).Select(r => $"{q.Path}: {r}")));
    }

    [Fact]
    public void HasARunnableCodeBlockInEveryCodingQuestion() =>
        Assert.Empty(Questions.Value.Where(q => q.Category == "coding" && TheCodeInTheBank.RunnableBlocks(q.Answer).Count == 0).Select(q => q.Path));

    [Fact]
    public void HasExampleAnswersOfSixtyToOneHundredFiftyWords() =>
        Assert.Empty(Questions.Value
            .Select(q => (q.Path, Words: Word().Count(q.ExampleAnswer)))
            .Where(x => x.Words is < 60 or > 150)
            .Select(x => $"{x.Path}: {x.Words} words"));

    [Fact]
    public void HasTwoToFourFollowUpsPerQuestion() =>
        Assert.Empty(Questions.Value
            .Select(q => (q.Path, Count: Bullet().Count(q.FollowUps)))
            .Where(x => x.Count is < 2 or > 4)
            .Select(x => $"{x.Path}: {x.Count} follow-ups"));

    [Fact]
    public void UsesTagsThatAreShared()
    {
        var once = Questions.Value.SelectMany(q => q.Tags).GroupBy(t => t).Where(g => g.Count() == 1).Select(g => g.Key).ToList();

        Assert.True(once.Count <= 3, "tags used by one question only: " + string.Join(", ", once));
    }

    [Fact]
    public void HasACategoryPageForEveryCategoryAndTheFiveGuides()
    {
        foreach (var category in Categories)
        {
            Assert.True(File.Exists(Path.Combine(Repository.ContentDirectory, "categories", category + ".md")), category);
        }
        var guides = Path.Combine(Repository.ContentDirectory, "guides");
        var ask = File.ReadAllText(Path.Combine(guides, "ask-the-interviewer.md"));
        var faq = File.ReadAllText(Path.Combine(guides, "faq.md"));

        Assert.True(File.Exists(Path.Combine(guides, "candidate-profile.md")));
        Assert.True(File.Exists(Path.Combine(guides, "study-plan.md")));
        Assert.True(File.Exists(Path.Combine(guides, "ml-system-design-framework.md")));
        Assert.True(Regex.Count(ask, @"^### ", RegexOptions.Multiline) >= 15, "ask-the-interviewer has fewer than 15 questions");
        Assert.True(Regex.Count(faq, @"^## ", RegexOptions.Multiline) >= 10, "the FAQ has fewer than 10 questions");
    }
}
