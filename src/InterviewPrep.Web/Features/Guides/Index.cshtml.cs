using InterviewPrep.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Guides;

/// <summary>The list of guides.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Item(string Slug, string Title, string Summary);

    public IReadOnlyList<Item> Guides { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Guides = await db.Guides.AsNoTracking().Where(g => !g.IsRetired).OrderBy(g => g.Order).ThenBy(g => g.Title)
            .Select(g => new Item(g.Slug, g.Title, g.Summary)).ToListAsync(ct);
}
