using InterviewPrep.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Guides;

/// <summary>A long-form guide, such as the questions to ask the interviewer.</summary>
public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public sealed record View(string Title, string Summary, string BodyHtml);

    public View Guide { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var guide = await db.Guides.AsNoTracking()
            .Where(g => g.Slug == slug && !g.IsRetired)
            .Select(g => new View(g.Title, g.Summary, g.BodyHtml))
            .FirstOrDefaultAsync(ct);
        if (guide is null)
        {
            return NotFound();
        }
        Guide = guide;
        return Page();
    }
}
