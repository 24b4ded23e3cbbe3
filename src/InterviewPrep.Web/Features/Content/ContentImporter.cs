using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Categories;
using InterviewPrep.Web.Features.Guides;
using InterviewPrep.Web.Features.Questions;
using InterviewPrep.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Content;

/// <summary>
/// Reads <c>content/</c>, validates every file and upserts the result by slug in one transaction.
/// Unchanged files are skipped by hash; a rejected file leaves the last good version in place; a
/// question whose file is gone is retired, not deleted, and comes back when the file returns.
/// </summary>
public sealed class ContentImporter(
    AppDbContext db,
    DatabaseWrites writes,
    MarkdownRenderer renderer,
    ContentLocation location,
    IOptions<ContentOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    IOutputCacheStore outputCache,
    ContentImportStatus status,
    ContentRevisionWatcher revisions,
    IDatabaseLock locks,
    ILogger<ContentImporter> logger)
{
    /// <summary>A file found in the content folder; it is read only when its stamp says it may have changed.</summary>
    private sealed record SourceFile(string FullPath, string Path, string Slug, string Folder, long Length, string Stamp);

    /// <summary>An accepted question: what the checks needed in memory, its sections in the import's spill file.</summary>
    private sealed record SpilledQuestion(QuestionDocument Doc, string Hash, string Stamp, (long Offset, int Length) Sections);

    /// <summary>How many questions are written to the database at a time: the most an import holds in memory.</summary>
    private const int ApplyBatch = 250;

    /// <summary>Validates every file without touching the database; the report lists each problem.</summary>
    public Task<ImportReport> CheckAsync(IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        RunAsync(apply: false, progress, ct);

    /// <summary>
    /// Validates and imports what changed since the last import. One instance imports at a time: another one's import
    /// started meanwhile waits for this one, then finds only what this one left unchanged.
    /// </summary>
    public async Task<ImportReport> ImportAsync(IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        await using var held = await locks.TakeAsync(DatabaseLocks.ContentImport, ct);
        status.Begin();
        try
        {
            return await RunAsync(apply: true, new StatusProgress(status, progress), ct);
        }
        finally
        {
            status.End();
        }
    }

    /// <summary>Passes progress on to the caller and to the status the pages show.</summary>
    private sealed class StatusProgress(ContentImportStatus status, IProgress<ImportProgress>? inner) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            status.Report(value);
            inner?.Report(value);
        }
    }

    private async Task<ImportReport> RunAsync(bool apply, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var report = new ImportReport { CheckOnly = !apply };
        var root = location.Directory;
        if (!Directory.Exists(root))
        {
            report.Problems.Add(new(root, 1, "the content folder does not exist; set Content:Directory"));
            return report;
        }

        var files = Enumerate(root, report);
        report.Files = files.Count;
        if (report.Files > options.Value.MaxFiles)
        {
            report.Problems.Add(new(root, 1, $"the content folder has {report.Files} files; the limit is {options.Value.MaxFiles} (Content:MaxFiles)"));
            report.Files = 0;
            return report;
        }

        var existing = apply
            ? await db.Questions.AsNoTracking()
                .Select(q => new { q.Id, q.Slug, q.Title, q.ContentHash, q.IsRetired, q.SourcePath, q.SourceStamp })
                .ToDictionaryAsync(q => q.Slug, StringComparer.Ordinal, ct)
            : [];

        var categoryDocs = ParsePages(files.Where(f => f.Folder == "categories"), report);
        var guideDocs = ParsePages(files.Where(f => f.Folder == "guides"), report);
        var knownCategories = categoryDocs.Select(c => c.Doc.Slug).ToHashSet(StringComparer.Ordinal);
        if (apply)
        {
            knownCategories.UnionWith(await db.Categories.Where(c => !c.IsRetired).Select(c => c.Slug).ToListAsync(ct));
        }

        // Parse what changed, in parallel: it is pure work on each file.
        var questionFiles = files.Where(f => f.Folder.StartsWith("questions/", StringComparison.Ordinal)).ToList();
        var allSlugs = questionFiles.Select(f => f.Slug).ToHashSet(StringComparer.Ordinal);
        var parsed = new ConcurrentBag<QuestionDocument>();
        var problems = new ConcurrentBag<ContentProblem>();
        var unchanged = new ConcurrentBag<SourceFile>();
        var restamped = new ConcurrentBag<(int Id, string Stamp)>();
        var hashes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var spilled = new ConcurrentDictionary<string, (long, int)>(StringComparer.Ordinal);
        if (apply)
        {
            RenderedSpill.RemoveLeftovers(storage.Value.DataDirectory);
        }
        using var spill = apply ? new RenderedSpill(storage.Value.DataDirectory) : null;
        var done = 0;
        Parallel.ForEach(questionFiles, new ParallelOptions { CancellationToken = ct }, file =>
        {
            existing.TryGetValue(file.Slug, out var old);
            var current = old is not null && !old.IsRetired && old.SourcePath == file.Path;
            if (current && old!.SourceStamp == file.Stamp)
            {
                // Same renderer, length and write time as when it was read: not read again.
                unchanged.Add(file);
            }
            else
            {
                // Read one file at a time, so that the bank is never held in memory as bytes.
                var fileProblems = new List<ContentProblem>();
                var bytes = ContentParser.CheckSize(file.Path, file.Length, options.Value.MaxFileBytes, fileProblems) ? File.ReadAllBytes(file.FullPath) : null;
                var hash = bytes is null ? "oversized" : Hash(bytes);
                if (current && old!.ContentHash == hash)
                {
                    // Touched but not changed (a fresh clone, a checkout): remember the new stamp.
                    unchanged.Add(file);
                    restamped.Add((old.Id, file.Stamp));
                }
                else
                {
                    hashes[file.Path] = hash;
                    var text = bytes is null ? null : ContentParser.Decode(file.Path, bytes, options.Value.MaxFileBytes, fileProblems);
                    var doc = text is null ? null : ContentParser.ParseQuestion(file.Path, file.Slug, file.Folder["questions/".Length..], text, fileProblems);
                    if (doc is not null)
                    {
                        // Rendered now, while the file is at hand, and set aside on disk: only what the checks across
                        // the bank need stays in memory.
                        if (spill is not null)
                        {
                            spilled[doc.Path] = spill.Write(Render(doc));
                        }
                        parsed.Add(doc with { Answer = "", HowToAnswer = "", ExampleAnswer = "", FollowUps = "", KeyPoints = "" });
                    }
                    foreach (var p in fileProblems)
                    {
                        problems.Add(p);
                    }
                }
            }
            var n = Interlocked.Increment(ref done);
            if (n % 500 == 0 || n == questionFiles.Count)
            {
                progress?.Report(new ImportProgress(apply ? "render" : "read", n, questionFiles.Count));
            }
        });
        report.Problems.AddRange(problems);

        var owners = existing.ToDictionary(e => e.Key, e => (e.Value.Title, e.Value.SourcePath), StringComparer.Ordinal);
        var accepted = CrossCheck(questionFiles, parsed, unchanged, owners, knownCategories, allSlugs, report);
        report.Unchanged = unchanged.Count;
        report.Rejected = questionFiles.Count - unchanged.Count - accepted.Count;

        if (apply)
        {
            var stamps = questionFiles.ToDictionary(f => f.Path, f => f.Stamp, StringComparer.Ordinal);
            var rendered = accepted.Select(doc => new SpilledQuestion(doc, hashes[doc.Path], stamps[doc.Path], spilled[doc.Path])).ToList();
            var paths = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            await ApplyAsync(rendered, spill!, [.. restamped], categoryDocs, guideDocs, allSlugs, paths, report, progress, ct);
            if (report.HasChanges)
            {
                // Cached anonymous pages show content; after a change they are built again.
                await outputCache.EvictByTagAsync(AnonymousPageCache.ContentTag, ct);
            }
        }

        report.Problems.Sort((a, b) => (string.CompareOrdinal(a.Path, b.Path), a.Line.CompareTo(b.Line)) switch
        {
            (0, var line) => line,
            var (path, _) => path,
        });
        report.Elapsed = clock.Elapsed;
        logger.LogInformation("Content {Mode}: {Summary}", apply ? "import" : "check", report.Summary);
        return report;
    }

    private static List<SourceFile> Enumerate(string root, ImportReport report)
    {
        var files = new List<SourceFile>();

        void Add(string fullPath, string folder)
        {
            var relative = Path.GetRelativePath(root, fullPath).Replace('\\', '/');
            var info = new FileInfo(fullPath);
            var stamp = string.Create(CultureInfo.InvariantCulture, $"{MarkdownRenderer.Version}:{info.Length}:{info.LastWriteTimeUtc.Ticks}");
            files.Add(new SourceFile(fullPath, relative, Path.GetFileNameWithoutExtension(fullPath), folder, info.Length, stamp));
        }

        foreach (var folder in new[] { "categories", "guides" })
        {
            var dir = Path.Combine(root, folder);
            if (Directory.Exists(dir))
            {
                foreach (var file in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
                {
                    Add(file, folder);
                }
            }
        }
        var questions = Path.Combine(root, "questions");
        if (Directory.Exists(questions))
        {
            foreach (var stray in Directory.EnumerateFiles(questions, "*.md"))
            {
                report.Problems.Add(new(Path.GetRelativePath(root, stray).Replace('\\', '/'), 1,
                    "a question file must be in a category folder, such as questions/theory/"));
            }
            foreach (var dir in Directory.EnumerateDirectories(questions).Order(StringComparer.Ordinal))
            {
                foreach (var file in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
                {
                    Add(file, "questions/" + Path.GetFileName(dir));
                }
            }
        }
        return files;
    }

    private static string Hash(byte[] bytes)
    {
        Span<byte> digest = stackalloc byte[32];
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(BitConverter.GetBytes(MarkdownRenderer.Version));
        sha.AppendData(bytes);
        sha.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    private List<(PageDocument Doc, string Hash)> ParsePages(IEnumerable<SourceFile> files, ImportReport report)
    {
        var result = new List<(PageDocument, string)>();
        foreach (var file in files)
        {
            // Category and guide pages are few: always read, and compared by hash.
            var bytes = ContentParser.CheckSize(file.Path, file.Length, options.Value.MaxFileBytes, report.Problems) ? File.ReadAllBytes(file.FullPath) : null;
            var text = bytes is null ? null : ContentParser.Decode(file.Path, bytes, options.Value.MaxFileBytes, report.Problems);
            var doc = text is null ? null : ContentParser.ParsePage(file.Path, file.Slug, text, report.Problems);
            if (doc is not null)
            {
                result.Add((doc, Hash(bytes!)));
            }
        }
        return result;
    }

    /// <summary>Checks that need the whole bank: unique slugs and titles, known categories, related links that resolve.</summary>
    private static List<QuestionDocument> CrossCheck(
        List<SourceFile> files,
        IEnumerable<QuestionDocument> parsed,
        IEnumerable<SourceFile> unchanged,
        Dictionary<string, (string Title, string SourcePath)> existing,
        HashSet<string> knownCategories,
        HashSet<string> allSlugs,
        ImportReport report)
    {
        // Of two files with one slug, the one the question already came from keeps it; else the first by path.
        var firstPathBySlug = new Dictionary<string, string>(StringComparer.Ordinal);
        var paths = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (existing.TryGetValue(file.Slug, out var owner) && owner.SourcePath == file.Path)
            {
                firstPathBySlug[file.Slug] = file.Path;
            }
            else if (!existing.TryGetValue(file.Slug, out owner) || !paths.Contains(owner.SourcePath))
            {
                firstPathBySlug.TryAdd(file.Slug, file.Path);
            }
        }
        var titles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in unchanged)
        {
            titles.TryAdd(existing[file.Slug].Title, file.Path);
        }

        var accepted = new List<QuestionDocument>();
        foreach (var doc in parsed.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            var ok = true;
            if (firstPathBySlug[doc.Slug] != doc.Path)
            {
                report.Problems.Add(new(doc.Path, 1, $"the slug '{doc.Slug}' is already used by {firstPathBySlug[doc.Slug]}; slugs are unique across categories"));
                ok = false;
            }
            if (!knownCategories.Contains(doc.Category))
            {
                report.Problems.Add(new(doc.Path, doc.CategoryLine, $"unknown category '{doc.Category}'; add content/categories/{doc.Category}.md first"));
                ok = false;
            }
            if (!titles.TryAdd(doc.Title, doc.Path))
            {
                report.Problems.Add(new(doc.Path, doc.TitleLine, $"the title is already used by {titles[doc.Title]}"));
                ok = false;
            }
            foreach (var related in doc.Related.Where(r => !allSlugs.Contains(r)))
            {
                report.Problems.Add(new(doc.Path, doc.RelatedLine, $"related question '{related}' does not exist"));
                ok = false;
            }
            if (ok)
            {
                accepted.Add(doc);
            }
        }
        return accepted;
    }

    private RenderedSections Render(QuestionDocument doc)
    {
        // The key points restate the answer, so they are not searched: a search finds a question by what it says.
        string[] sections = [doc.Answer, doc.HowToAnswer, doc.ExampleAnswer, doc.FollowUps, doc.KeyPoints];
        return new RenderedSections(sections, [.. sections.Select(renderer.ToHtml)], string.Join('\n', sections[..4].Select(renderer.ToPlainText)));
    }

    /// <summary>Adds or updates the category or guide pages that changed; a page whose file is gone is retired.</summary>
    private void UpsertPages<T>(
        Dictionary<string, T> existing, List<(PageDocument Doc, string Hash)> docs, string folder, Func<PageDocument, T> add, HashSet<string> paths, ImportReport report)
        where T : class, IContentPage
    {
        foreach (var (doc, hash) in docs)
        {
            if (!existing.TryGetValue(doc.Slug, out var page))
            {
                page = add(doc);
                existing[doc.Slug] = page;
            }
            if (page.ContentHash != hash || page.IsRetired)
            {
                (page.Title, page.Order, page.Summary, page.BodyMarkdown) = (doc.Title, doc.Order, doc.Summary, doc.Body);
                (page.BodyHtml, page.ContentHash, page.SourcePath, page.IsRetired) = (renderer.ToHtml(doc.Body), hash, doc.Path, false);
                report.PagesChanged++;
            }
        }
        // A page whose file is still there but rejected keeps its last good version.
        foreach (var page in existing.Values.Where(p => !p.IsRetired && !paths.Contains($"{folder}/{p.Slug}.md")))
        {
            page.IsRetired = true;
            report.PagesChanged++;
        }
    }

    private async Task ApplyAsync(
        List<SpilledQuestion> rendered,
        RenderedSpill spill,
        List<(int Id, string Stamp)> restamped,
        List<(PageDocument Doc, string Hash)> categoryDocs,
        List<(PageDocument Doc, string Hash)> guideDocs,
        HashSet<string> allSlugs,
        HashSet<string> paths,
        ImportReport report,
        IProgress<ImportProgress>? progress,
        CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        long? revision = null;
        await writes.RunAsync(async () =>
        {
            var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct);
            UpsertPages(categories, categoryDocs, "categories", doc => db.Categories.Add(new Category { Slug = doc.Slug, Title = doc.Title, ContentHash = "", SourcePath = doc.Path }).Entity, paths, report);
            var guides = await db.Guides.ToDictionaryAsync(g => g.Slug, StringComparer.Ordinal, ct);
            UpsertPages(guides, guideDocs, "guides", doc => db.Guides.Add(new Guide { Slug = doc.Slug, Title = doc.Title, ContentHash = "", SourcePath = doc.Path }).Entity, paths, report);
            await db.SaveChangesAsync(ct);

            // In batches, each saved and then let go (the sections, and the entities the context tracks), so that the
            // transaction holds the bank on disk, not in memory.
            var written = 0;
            foreach (var batch in rendered.Chunk(ApplyBatch))
            {
                await ApplyBatchAsync(batch, spill, now, report, ct);
                db.ChangeTracker.Clear();
                written += batch.Length;
                progress?.Report(new ImportProgress("write", written, rendered.Count));
            }

            var gone = await db.Questions.Where(q => !q.IsRetired).Select(q => new { q.Id, q.Slug }).ToListAsync(ct);
            var retiredIds = gone.Where(q => !allSlugs.Contains(q.Slug)).Select(q => q.Id).ToList();
            if (retiredIds.Count > 0)
            {
                report.Retired = await db.Questions.Where(q => retiredIds.Contains(q.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(q => q.IsRetired, true).SetProperty(q => q.UpdatedAtUtc, now), ct);
            }

            await RestampAsync(restamped, ct);
            if (report.HasChanges)
            {
                // Tells every process serving this database that its caches of the bank are out of date.
                await db.Set<ContentRevision>().Where(r => r.Id == ContentRevision.SingleId)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Number, r => r.Number + 1), ct);
                revision = await db.Set<ContentRevision>().Where(r => r.Id == ContentRevision.SingleId).Select(r => r.Number).FirstAsync(ct);
            }
        }, ct);
        db.ChangeTracker.Clear();
        if (revision is { } number)
        {
            revisions.Imported(number); // this process's own import, not one by another process
        }
    }

    /// <summary>Adds or updates one batch of questions with their tags, and writes their full-text rows.</summary>
    private async Task ApplyBatchAsync(SpilledQuestion[] batch, RenderedSpill spill, DateTime now, ImportReport report, CancellationToken ct)
    {
        // Read again for each batch: the last one's entities are no longer tracked.
        var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct);
        var tags = await db.Tags.ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, ct);
        var slugs = batch.Select(r => r.Doc.Slug).ToList();
        var tracked = await db.Questions.Include(q => q.Tags)
            .Where(q => slugs.Contains(q.Slug))
            .ToDictionaryAsync(q => q.Slug, StringComparer.Ordinal, ct);
        foreach (var item in batch)
        {
            var doc = item.Doc;
            var sections = spill.Read(item.Sections);
            if (!tracked.TryGetValue(doc.Slug, out var question))
            {
                question = new Question { Slug = doc.Slug, Title = doc.Title, ContentHash = item.Hash, SourcePath = doc.Path, CreatedAtUtc = now };
                db.Questions.Add(question);
                report.Added++;
            }
            else if (question.IsRetired)
            {
                report.Restored++;
            }
            else
            {
                report.Updated++;
            }
            question.Title = doc.Title;
            question.Category = categories[doc.Category];
            question.Difficulty = doc.Difficulty;
            question.RelatedSlugs = [.. doc.Related];
            (question.AnswerMarkdown, question.AnswerHtml) = (sections.Markdown[0], sections.Html[0]);
            (question.HowToAnswerMarkdown, question.HowToAnswerHtml) = (sections.Markdown[1], sections.Html[1]);
            (question.ExampleAnswerMarkdown, question.ExampleAnswerHtml) = (sections.Markdown[2], sections.Html[2]);
            (question.FollowUpsMarkdown, question.FollowUpsHtml) = (sections.Markdown[3], sections.Html[3]);
            (question.KeyPointsMarkdown, question.KeyPointsHtml) = (sections.Markdown[4], sections.Html[4]);
            (question.ContentHash, question.SourcePath, question.SourceStamp, question.IsRetired, question.UpdatedAtUtc) = (item.Hash, doc.Path, item.Stamp, false, now);
            question.Tags.Clear();
            foreach (var slug in doc.Tags)
            {
                if (!tags.TryGetValue(slug, out var tag))
                {
                    tag = new Tag { Slug = slug };
                    db.Tags.Add(tag);
                    tags[slug] = tag;
                }
                question.Tags.Add(tag);
            }
            question.SearchText = sections.PlainText;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records the new stamps of files that were read and found unchanged, in the import's transaction.</summary>
    private async Task RestampAsync(List<(int Id, string Stamp)> restamped, CancellationToken ct)
    {
        if (restamped.Count == 0)
        {
            return;
        }
        // One prepared statement for all rows: thousands of rows after a fresh clone, in a fraction of a second.
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var questions = db.Model.FindEntityType(typeof(Question))!;
        var table = StoreObjectIdentifier.Table(questions.GetTableName()!, questions.GetSchema());
        string Column(string property) => questions.FindProperty(property)!.GetColumnName(table)!;
        command.CommandText = $"UPDATE \"{table.Name}\" SET \"{Column(nameof(Question.SourceStamp))}\" = @stamp WHERE \"{Column(nameof(Question.Id))}\" = @id";
        var stamp = command.CreateParameter();
        stamp.ParameterName = "@stamp";
        var id = command.CreateParameter();
        id.ParameterName = "@id";
        command.Parameters.Add(stamp);
        command.Parameters.Add(id);
        foreach (var row in restamped)
        {
            (stamp.Value, id.Value) = (row.Stamp, row.Id);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
