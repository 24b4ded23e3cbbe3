using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Questions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Categories;

/// <summary>A category: what interviewers look for in it, and its questions from easy to hard.</summary>
public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public sealed record View(int Id, string Slug, string Title, string Summary, string BodyHtml);

    public View Category { get; private set; } = null!;
    public IReadOnlyList<QuestionSummary> Questions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var category = await db.Categories.AsNoTracking()
            .Where(c => c.Slug == slug && !c.IsRetired)
            .Select(c => new View(c.Id, c.Slug, c.Title, c.Summary, c.BodyHtml))
            .FirstOrDefaultAsync(ct);
        if (category is null)
        {
            return NotFound();
        }
        Category = category;
        Questions = await db.Questions.AsNoTracking()
            .Where(q => q.CategoryId == category.Id && !q.IsRetired)
            .OrderBy(q => q.Difficulty).ThenBy(q => q.Title)
            .Select(q => new QuestionSummary(q.Slug, q.Title, category.Slug, category.Title, q.Difficulty))
            .ToListAsync(ct);
        return Page();
    }
}
