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

    /// <summary>Questions per page: a large category is paged so that its page stays light.</summary>
    public const int PageSize = 40;

    public View Category { get; private set; } = null!;
    public IReadOnlyList<QuestionSummary> Questions { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

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
        var questions = db.Questions.AsNoTracking().Where(q => q.CategoryId == category.Id && !q.IsRetired);
        Total = await questions.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        // "page" is a route value of Razor Pages itself, so the query string is read directly.
        PageNumber = Math.Clamp(int.TryParse(Request.Query["page"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 1, 1, PageCount);
        Questions = await questions
            .OrderBy(q => q.Difficulty).ThenBy(q => q.Title)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(q => new QuestionSummary(q.Id, q.Slug, q.Title, category.Slug, category.Title, q.Difficulty))
            .ToListAsync(ct);
        return Page();
    }
}
