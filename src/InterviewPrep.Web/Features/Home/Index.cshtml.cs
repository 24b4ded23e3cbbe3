using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Interviews;
using InterviewPrep.Web.Features.Practice;
using InterviewPrep.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Home;

/// <summary>The home page: the pitch, the search box, the categories with their question counts and the guides.</summary>
public sealed class IndexModel(AppDbContext db, FlashcardLibrary flashcards, TimeProvider time) : PageModel
{
    public sealed record CategoryTile(string Slug, string Title, string Summary, int Count);

    public sealed record GuideLink(string Slug, string Title, string Summary);

    public IReadOnlyList<CategoryTile> Categories { get; private set; } = [];
    public IReadOnlyList<GuideLink> Guides { get; private set; } = [];
    public int QuestionCount { get; private set; }

    /// <summary>For a signed-in user: the next interview, if any, and the practice streak.</summary>
    public sealed record NextInterview(int Id, string Company, string Role, DateTime ScheduledAtUtc, string TimeZoneId, int Done, int Total, int Prep);

    /// <summary>An interview this close gets the offer of a short mock round on the home page.</summary>
    public static readonly TimeSpan RehearsalWindow = TimeSpan.FromDays(14);

    /// <summary>Cards waiting in a deck: all cards, or the prep deck of an interview in the next 7 days.</summary>
    public sealed record CardsDue(string Deck, string Title, int Due, int New, int Learning);

    public NextInterview? Next { get; private set; }
    public IReadOnlyList<CardsDue> Cards { get; private set; } = [];
    public int? Streak { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public bool JustDeleted => Request.Query.ContainsKey("deleted");

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
        if (User.Identity?.IsAuthenticated == true)
        {
            await LoadDashboardAsync(User.UserId(), ct);
        }
    }

    private async Task LoadDashboardAsync(string userId, CancellationToken ct)
    {
        Now = time.GetUtcNow();
        var now = Now.UtcDateTime;
        var closed = new[] { InterviewStage.Offer, InterviewStage.Rejected, InterviewStage.Withdrawn };
        Next = await db.Interviews.AsNoTracking().OwnedBy(userId)
            .Where(i => i.ScheduledAtUtc >= now && !closed.Contains(i.Stage))
            .OrderBy(i => i.ScheduledAtUtc)
            .Select(i => new NextInterview(i.Id, i.Company, i.Role, i.ScheduledAtUtc!.Value, i.TimeZoneId, i.Checklist.Count(c => c.IsDone), i.Checklist.Count,
                i.Checklist.Count(c => c.QuestionId != null || c.CategoryId != null)))
            .FirstOrDefaultAsync(ct);
        var zone = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).FirstAsync(ct);
        var today = DateOnly.FromDateTime(TimeZones.ToLocal(now, zone));
        var days = await db.PracticeSessions.OwnedBy(userId).Where(p => p.Date > today.AddDays(-400)).Select(p => p.Date).Distinct().ToListAsync(ct);
        Streak = PracticeStats.CurrentStreak(days, today);
        await LoadCardsDueAsync(userId, ct);
    }

    private async Task LoadCardsDueAsync(string userId, CancellationToken ct)
    {
        var context = await flashcards.ContextAsync(userId, ct);
        var material = await flashcards.MaterialAsync(userId, ct);
        var limits = await flashcards.LimitsAsync(context, ct);
        CardsDue Count(Deck deck, string title)
        {
            var counts = ReviewOrder.Next(material.Summary(deck), limits, context.NowUtc, FlashcardLibrary.ReviewCutoff(context, material, deck));
            return new CardsDue(deck.Value, title, counts.DueCount, counts.NewCount, counts.LearningCount);
        }
        // An interview in the next 7 days puts its prep deck first.
        var soon = material.Interviews.Where(i => i.ScheduledAtUtc is { } at && at >= context.NowUtc && at <= context.NowUtc.AddDays(7))
            .Select(i => Count(Deck.Interview(i.Id), $"Before {i.Company}"));
        Cards = [.. soon, Count(Deck.All, "All cards")];
    }
}
