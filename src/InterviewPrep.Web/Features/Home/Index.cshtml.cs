using InterviewPrep.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Home;

/// <summary>The home page: the pitch, the search box, the categories with their question counts and the guides.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record CategoryTile(string Slug, string Title, string Summary, int Count);

    public sealed record GuideLink(string Slug, string Title, string Summary);

    public IReadOnlyList<CategoryTile> Categories { get; private set; } = [];
    public IReadOnlyList<GuideLink> Guides { get; private set; } = [];
    public int QuestionCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Categories = await db.Categories.AsNoTracking()
            .Where(c => !c.IsRetired)
            .OrderBy(c => c.Order).ThenBy(c => c.Title)
            .Select(c => new CategoryTile(c.Slug, c.Title, c.Summary, c.Questions.Count(q => !q.IsRetired)))
            .ToListAsync(ct);
        Guides = await db.Guides.AsNoTracking()
            .Where(g => !g.IsRetired)
            .OrderBy(g => g.Order).ThenBy(g => g.Title)
            .Select(g => new GuideLink(g.Slug, g.Title, g.Summary))
            .ToListAsync(ct);
        QuestionCount = Categories.Sum(c => c.Count);
    }
}
