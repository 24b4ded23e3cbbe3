using System.Text;
using System.Text.Encodings.Web;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Content;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// The categories and tags the question list offers as filters, kept in memory until the next import: they are the
/// same for every request and change only with the bank, and reading them (the tags with a live question each) on
/// every search cost more than a search's own queries once those were fast.
/// </summary>
public sealed class FilterChoices(ContentImportStatus imports)
{
    private Snapshot? _current;

    /// <summary>The live categories in their order and the tags of live questions by slug, as read at one import generation.</summary>
    public sealed record Snapshot(long Generation, IReadOnlyList<IndexModel.Choice> Categories, IReadOnlyList<IndexModel.Choice> Tags)
    {
        /// <summary>
        /// The categories' <c>option</c> elements with none selected, written once per import: the list and every search
        /// wrote them (and the tags', 80 in the benchmark's bank) option by option, about a tenth of the CPU of a search
        /// page without results.
        /// </summary>
        public HtmlString CategoryOptions { get; } = Options(Categories, selected: null);

        /// <summary>The tags' <c>option</c> elements with none selected, written once per import.</summary>
        public HtmlString TagOptions { get; } = Options(Tags, selected: null);
    }

    /// <summary>The <c>option</c> elements of <paramref name="choices"/>, the one whose value is <paramref name="selected"/> selected.</summary>
    public static HtmlString Options(IReadOnlyList<IndexModel.Choice> choices, string? selected)
    {
        var html = new StringBuilder();
        foreach (var choice in choices)
        {
            html.Append("<option value=\"").Append(HtmlEncoder.Default.Encode(choice.Value)).Append('"')
                .Append(choice.Value == selected ? " selected=\"selected\">" : ">")
                .Append(HtmlEncoder.Default.Encode(choice.Label)).Append("</option>");
        }
        return new HtmlString(html.ToString());
    }

    public async ValueTask<Snapshot> GetAsync(AppDbContext db, CancellationToken ct)
    {
        // Read before the queries: an import that starts meanwhile moves the generation on, so what was read is read again.
        var generation = imports.Generation;
        if (Volatile.Read(ref _current) is { } current && current.Generation == generation)
        {
            return current;
        }
        // No lock: requests that arrive together after an import may each read the choices once, which is cheap.
        var categories = await db.Categories.AsNoTracking().Where(c => !c.IsRetired).OrderBy(c => c.Order)
            .Select(c => new IndexModel.Choice(c.Slug, c.Title)).ToListAsync(ct);
        var tags = await db.Tags.AsNoTracking().Where(t => t.Questions.Any(q => !q.IsRetired)).OrderBy(t => t.Slug)
            .Select(t => new IndexModel.Choice(t.Slug, t.Slug)).ToListAsync(ct);
        var snapshot = new Snapshot(generation, categories, tags);
        Volatile.Write(ref _current, snapshot);
        return snapshot;
    }
}
