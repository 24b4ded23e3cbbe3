using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Guides;

/// <summary>A long-form guide, such as the questions to ask the interviewer.</summary>
public sealed class DetailsModel(AppDbContext db, MarkdownRenderer renderer) : PageModel
{
    public sealed record View(string Title, string Summary, string BodyHtml, string BodyMarkdown);

    public View Guide { get; private set; } = null!;

    /// <summary>The guide's parts, for the "On this page" outline.</summary>
    public IReadOnlyList<(string Id, string Text)> Outline { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var guide = await db.Guides.AsNoTracking()
            .Where(g => g.Slug == slug && !g.IsRetired)
            .Select(g => new View(g.Title, g.Summary, g.BodyHtml, g.BodyMarkdown))
            .FirstOrDefaultAsync(ct);
        if (guide is null)
        {
            return NotFound();
        }
        (Guide, Outline) = (guide, renderer.Outline(guide.BodyMarkdown));
        return Page();
    }
}
