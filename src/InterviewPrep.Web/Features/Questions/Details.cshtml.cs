using InterviewPrep.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>One question: its four sections, tags, related questions, and previous/next in its category.</summary>
public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public sealed record View(
        int Id, string Slug, string Title, string CategorySlug, string CategoryTitle, Difficulty Difficulty,
        List<string> Tags, List<string> RelatedSlugs, string AnswerHtml, string HowToAnswerHtml, string ExampleAnswerHtml, string FollowUpsHtml);

    public sealed record Link(string Slug, string Title);

    public View Question { get; private set; } = null!;
    public IReadOnlyList<Link> Related { get; private set; } = [];
    public Link? Previous { get; private set; }
    public Link? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var question = await db.Questions.AsNoTracking()
            .Where(q => q.Slug == slug && !q.IsRetired)
            .Select(q => new View(q.Id, q.Slug, q.Title, q.Category.Slug, q.Category.Title, q.Difficulty,
                new List<string>(), q.RelatedSlugs,
                q.AnswerHtml, q.HowToAnswerHtml, q.ExampleAnswerHtml, q.FollowUpsHtml))
            .FirstOrDefaultAsync(ct);
        if (question is null)
        {
            return NotFound();
        }
        // Tags in their own query: inside the projection SQLite materializes the whole tag join per page.
        question.Tags.AddRange(await db.Questions.Where(q => q.Id == question.Id)
            .SelectMany(q => q.Tags.Select(t => t.Slug)).OrderBy(slug => slug).ToListAsync(ct));
        Question = question;

        var related = await db.Questions.AsNoTracking()
            .Where(q => question.RelatedSlugs.Contains(q.Slug) && !q.IsRetired)
            .Select(q => new Link(q.Slug, q.Title))
            .ToListAsync(ct);
        Related = [.. related.OrderBy(r => question.RelatedSlugs.IndexOf(r.Slug))];

        // The study order within a category: easy to hard, then by title.
        var siblings = db.Questions.AsNoTracking().Where(q => q.Category.Slug == question.CategorySlug && !q.IsRetired);
        var (d, t) = (question.Difficulty, question.Title);
        Previous = await siblings
            .Where(q => q.Difficulty < d || (q.Difficulty == d && string.Compare(q.Title, t) < 0))
            .OrderByDescending(q => q.Difficulty).ThenByDescending(q => q.Title)
            .Select(q => new Link(q.Slug, q.Title)).FirstOrDefaultAsync(ct);
        Next = await siblings
            .Where(q => q.Difficulty > d || (q.Difficulty == d && string.Compare(q.Title, t) > 0))
            .OrderBy(q => q.Difficulty).ThenBy(q => q.Title)
            .Select(q => new Link(q.Slug, q.Title)).FirstOrDefaultAsync(ct);
        return Page();
    }
}
