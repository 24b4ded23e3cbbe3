using InterviewPrep.Web.Data.Sqlite;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Content;

public sealed class ImportingContent : IDisposable
{
    private readonly TestContent _content = TestContent.Sample();
    private readonly AppFactory _app;

    public ImportingContent()
    {
        _app = new AppFactory(_content);
        _ = _app.Services; // starts the host, which imports on start
    }

    public void Dispose()
    {
        _app.Dispose();
        _content.Dispose();
    }

    private Task<Question?> QuestionAsync(string slug) =>
        _app.QueryAsync(db => db.Questions.Include(q => q.Tags).Include(q => q.Category).AsNoTracking().FirstOrDefaultAsync(q => q.Slug == slug));

    private Task<List<string>> SearchAsync(string text) => _app.QueryAsync(async db =>
    {
        var list = new QuestionList(_app.Services.GetRequiredService<InterviewPrep.Web.Features.Flashcards.BankCatalog>(), _app.Services.GetRequiredService<QuestionSearchIndex>());
        var page = await list.GetAsync(text, new QuestionFilter(null, null, null), 1, CancellationToken.None);
        return page.Items.Select(i => i.Slug).ToList();
    });

    [Fact]
    public async Task TheFirstImportAtStartAddsEveryQuestionWithRenderedSections()
    {
        var question = await QuestionAsync("precision-and-recall");

        Assert.NotNull(question);
        Assert.Equal("practical", question.Category.Slug);
        Assert.Equal(["classification", "metrics"], question.Tags.Select(t => t.Slug).Order());
        Assert.Contains("<span class=\"math\">", question.AnswerHtml, StringComparison.Ordinal);
        Assert.Equal(8, await _app.QueryAsync(db => db.Questions.CountAsync()));
    }

    [Fact]
    public async Task ImportingAgainWithoutChangesSkipsEveryFileByHash()
    {
        var report = await _app.ImportAsync();

        Assert.Equal((0, 0, 8, 0, 0), (report.Added, report.Updated, report.Unchanged, report.Retired, report.Rejected));
        Assert.Empty(report.Problems);
        Assert.False(report.HasChanges);
    }

    [Fact]
    public async Task AFileWithItsLengthAndWriteTimeUnchangedIsNotReadAgain()
    {
        // Same length and write time, different bytes: only a file that was not read can be taken as unchanged.
        var path = Path.Combine(_content.Root, "questions/theory/overfitting.md");
        var written = File.GetLastWriteTimeUtc(path);
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("overfitting", "OVERFITTING", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, written);

        var report = await _app.ImportAsync();

        Assert.Equal((0, 8), (report.Updated, report.Unchanged));
    }

    [Fact]
    public async Task ATouchedButUnchangedFileIsReadOnceAndItsNewStampKept()
    {
        var path = Path.Combine(_content.Root, "questions/theory/overfitting.md");
        var before = await _app.QueryAsync(db => db.Questions.Where(q => q.Slug == "overfitting").Select(q => q.SourceStamp).SingleAsync());
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(5));

        var touched = await _app.ImportAsync();
        var after = await _app.QueryAsync(db => db.Questions.Where(q => q.Slug == "overfitting").Select(q => q.SourceStamp).SingleAsync());

        Assert.Equal((0, 8), (touched.Updated, touched.Unchanged));
        Assert.False(touched.HasChanges);
        Assert.NotEqual(before, after);
        Assert.EndsWith(File.GetLastWriteTimeUtc(path).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditThatKeepsTheWriteTimeButNotTheLengthIsImported()
    {
        var path = Path.Combine(_content.Root, "questions/theory/overfitting.md");
        var written = File.GetLastWriteTimeUtc(path);
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("title: \"", "title: \"Now: ", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, written);

        var report = await _app.ImportAsync();

        Assert.Equal((1, 7), (report.Updated, report.Unchanged));
        Assert.StartsWith("Now: ", (await QuestionAsync("overfitting"))!.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedFileUpdatesItsQuestionAndTheSearchIndex()
    {
        _content.WithQuestion("theory", "overfitting", "What is overfitting, and how do you detect it?", "hard", ["generalization"], [], answer: "Watch the zeppelin of validation error.");

        var report = await _app.ImportAsync();

        Assert.Equal((0, 1, 7), (report.Added, report.Updated, report.Unchanged));
        Assert.Equal(Difficulty.Hard, (await QuestionAsync("overfitting"))!.Difficulty);
        Assert.Equal(["overfitting"], await SearchAsync("zeppelin"));
    }

    [Fact]
    public async Task ARemovedFileRetiresItsQuestionAndARestoredFileBringsItBack()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(_content.Root, "questions/practical/confusion-matrix.md"));
        _content.Delete("questions/practical/confusion-matrix.md");

        var retired = await _app.ImportAsync();

        Assert.Equal(1, retired.Retired);
        Assert.True((await QuestionAsync("confusion-matrix"))!.IsRetired);
        Assert.Empty(await SearchAsync("confusion"));

        _content.Write("questions/practical/confusion-matrix.md", text);
        var restored = await _app.ImportAsync();

        Assert.Equal(1, restored.Restored);
        Assert.False((await QuestionAsync("confusion-matrix"))!.IsRetired);
        Assert.Equal(["confusion-matrix"], await SearchAsync("confusion"));
    }

    [Fact]
    public async Task ABrokenFileIsRejectedAndKeepsTheLastGoodVersion()
    {
        _content.Write("questions/theory/overfitting.md", "---\ntitle: \"Broken\"\ncategory: theory\ndifficulty: impossible\n---\n## Answer\n\nx\n");

        var report = await _app.ImportAsync();

        Assert.Equal(1, report.Rejected);
        Assert.Equal(0, report.Retired);
        Assert.Contains(report.Problems, p => p.ToString() == "questions/theory/overfitting.md:4: difficulty 'impossible' is not one of easy, medium, hard");
        var question = await QuestionAsync("overfitting");
        Assert.Equal("What is overfitting, and how do you detect it?", question!.Title);
        Assert.False(question.IsRetired);
    }

    [Fact]
    public async Task EveryOtherFileIsStillImportedWhenSomeAreBad()
    {
        _content.Write("questions/theory/empty.md", "");
        _content.WriteBytes("questions/theory/binary.md", [1, 0, 2]);
        _content.WriteBytes("questions/theory/huge.md", new byte[10 * 1024 * 1024]);
        _content.WithQuestion("practical", "overfitting", "A duplicate slug in another folder");
        _content.WithQuestion("unknown", "lost-question", "A question in an unknown category", "easy");
        _content.WithQuestion("theory", "dangling", "A question with a missing related link", related: ["no-such-question"]);
        _content.WithQuestion("theory", "same-title", "Explain the bias-variance tradeoff");
        _content.WithQuestion("theory", "fresh-question", "A fresh question that is fine");

        var report = await _app.ImportAsync();

        Assert.Equal(1, report.Added);
        Assert.Equal(7, report.Rejected);
        Assert.Contains(report.Problems, p => p.ToString() == "questions/theory/empty.md:1: the file is empty");
        Assert.Contains(report.Problems, p => p.ToString() == "questions/theory/binary.md:1: the file is binary (it contains a NUL byte), not markdown text");
        Assert.Contains(report.Problems, p => p.ToString() == "questions/theory/huge.md:1: the file is 10.0 MB; the limit is 256 KB");
        // The file the question already came from keeps the slug; the newcomer is the duplicate.
        Assert.Contains(report.Problems, p => p.ToString() == "questions/practical/overfitting.md:1: the slug 'overfitting' is already used by questions/theory/overfitting.md; slugs are unique across categories");
        Assert.Equal(0, report.Updated);
        Assert.Contains(report.Problems, p => p.ToString() == "questions/unknown/lost-question.md:3: unknown category 'unknown'; add content/categories/unknown.md first");
        Assert.Contains(report.Problems, p => p.ToString() == "questions/theory/dangling.md:6: related question 'no-such-question' does not exist");
        Assert.Contains(report.Problems, p => p.Path == "questions/theory/same-title.md" && p.Message.StartsWith("the title is already used by", StringComparison.Ordinal));
        Assert.NotNull(await QuestionAsync("fresh-question"));
    }

    [Fact]
    public async Task ACheckReportsProblemsWithoutChangingTheDatabase()
    {
        _content.WithQuestion("theory", "fresh-question", "A fresh question", difficulty: "tricky");
        await using var scope = _app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<InterviewPrep.Web.Features.Content.ContentImporter>();

        var report = await importer.CheckAsync();

        Assert.Single(report.Problems);
        Assert.Null(await QuestionAsync("fresh-question"));
    }

    [Fact]
    public async Task AGuideWhoseFileIsGoneIsRetiredAndABrokenCategoryKeepsItsLastVersion()
    {
        _content.Delete("guides/faq.md");
        _content.Write("categories/practical.md", "---\ntitle: [broken\n---\nBody");

        var report = await _app.ImportAsync();

        Assert.Equal(1, report.PagesChanged);
        Assert.True(await _app.QueryAsync(db => db.Guides.Where(g => g.Slug == "faq").Select(g => g.IsRetired).SingleAsync()));
        Assert.Equal("Practical applications", await _app.QueryAsync(db => db.Categories.Where(c => c.Slug == "practical" && !c.IsRetired).Select(c => c.Title).SingleAsync()));
        Assert.Contains(report.Problems, p => p.Path == "categories/practical.md");
    }

    [Fact]
    public async Task AMissingContentFolderChangesNothing()
    {
        Directory.Delete(_content.Root, recursive: true);

        var report = await _app.ImportAsync();

        Assert.Equal(0, report.Retired);
        Assert.Contains("the content folder does not exist", Assert.Single(report.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(8, await _app.QueryAsync(db => db.Questions.CountAsync(q => !q.IsRetired)));
    }
}

/// <summary>An import writes its questions in batches of 250, with their sections kept on disk until then.</summary>
public sealed class ImportingABankOfSeveralBatches
{
    [Fact]
    public async Task EveryQuestionOfEveryBatchIsWrittenWithItsTagsOnceAndNoSpillFileIsLeft()
    {
        // 603 questions in path order: the practical ones, then theory (tag "kernels" from the first batch on), the
        // last one with a tag first seen in the third batch.
        using var content = TestContent.Sample(theoryQuestions: 600)
            .WithQuestion("theory", "zzz-last", "The last question of the bank", "easy", ["kernels", "late-tag"], ["overfitting"], answer: "Written in the **third** batch.");
        using var app = new AppFactory(content);
        _ = app.Services;

        var (questions, tags, kernels, last) = await app.QueryAsync(async db => (
            await db.Questions.CountAsync(q => !q.IsRetired),
            await db.Tags.Select(t => t.Slug).ToListAsync(),
            await db.Questions.CountAsync(q => q.Tags.Any(t => t.Slug == "kernels")),
            await db.Questions.Include(q => q.Tags).Include(q => q.Category).AsNoTracking().SingleAsync(q => q.Slug == "zzz-last")));

        Assert.Equal(604, questions);
        Assert.Equal(tags.Count, tags.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(599, kernels);
        Assert.Equal(["kernels", "late-tag"], last.Tags.Select(t => t.Slug).Order());
        Assert.Equal("theory", last.Category.Slug);
        Assert.Contains("<strong>third</strong>", last.AnswerHtml, StringComparison.Ordinal);
        Assert.Equal(604, await app.QueryAsync(db => db.Questions.CountAsync(q => !q.IsRetired && q.SearchText != "")));
        Assert.Empty(Directory.EnumerateFiles(app.DataDirectory, "*.import-spill", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AChangeToEveryQuestionIsWrittenAcrossTheBatchesAndASpillFileLeftByACrashIsRemoved()
    {
        using var content = TestContent.Sample(theoryQuestions: 300);
        using var app = new AppFactory(content);
        _ = app.Services;
        var leftover = Path.Combine(app.DataDirectory, "0123456789abcdef.import-spill");
        await File.WriteAllTextAsync(leftover, "left by an import that did not end");
        for (var i = 3; i <= 300; i++)
        {
            var n = i.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            content.WithQuestion("theory", $"theory-question-{n}", $"Theory question number {n} about kernels", "easy", ["kernels", "svm"], [], answer: $"Edited answer {n}.");
        }

        var report = await app.ImportAsync();

        Assert.Equal((0, 298, 5), (report.Added, report.Updated, report.Unchanged));
        Assert.Equal(298, await app.QueryAsync(db => db.Questions.CountAsync(q => q.Tags.Any(t => t.Slug == "svm") && q.AnswerMarkdown.StartsWith("Edited answer"))));
        Assert.False(File.Exists(leftover));
    }
}
