using System.ComponentModel.DataAnnotations;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Practice;

/// <summary>The practice form's fields, choices and checks, shared by logging a session and editing one.</summary>
public abstract class PracticeFormPage(AppDbContext db, DatabaseWrites writes, MarkdownRenderer renderer, TimeProvider time) : PageModel
{
    public sealed class Form
    {
        [Required(ErrorMessage = "Enter the day you practised.")]
        public DateOnly? Date { get; set; }

        [Range(1, 720, ErrorMessage = "A session is 1 to 720 minutes.")]
        [Display(Name = "Minutes")]
        public int DurationMinutes { get; set; } = 30;

        public PracticeKind Kind { get; set; } = PracticeKind.Reading;

        public List<int> CategoryIds { get; set; } = [];

        [Display(Name = "Prepares for")]
        public int? InterviewId { get; set; }

        [Range(1, 5, ErrorMessage = "Rate the session from 1 to 5.")]
        [Display(Name = "How did it go?")]
        public int Rating { get; set; } = 3;

        [StringLength(20_000, ErrorMessage = "Notes are limited to 20,000 characters; this is longer.")]
        public string? Notes { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public IReadOnlyList<(int Id, string Title)> Categories { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Interviews { get; private set; } = [];
    public DateOnly Today { get; private set; }

    protected AppDbContext Db => db;

    protected DatabaseWrites Writes => writes;

    /// <summary>Checks the form beyond its attributes; the errors go next to their fields.</summary>
    protected void Validate()
    {
        if (Input.Date is { } date && date > Today.AddDays(1))
        {
            ModelState.AddModelError("Input.Date", "That day has not happened yet; log practice you have done.");
        }
        if (Input.Date is { } old && old < Today.AddYears(-5))
        {
            ModelState.AddModelError("Input.Date", "That is more than five years ago; check the year.");
        }
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "Choose a kind of practice.");
        }
        if (Input.CategoryIds.Except(Categories.Select(c => c.Id)).Any())
        {
            ModelState.AddModelError("Input.CategoryIds", "Choose categories from the list.");
        }
        if (Input.InterviewId is { } id && Interviews.All(i => i.Id != id))
        {
            ModelState.AddModelError("Input.InterviewId", "Choose one of your interviews, or none.");
        }
    }

    /// <summary>Writes the form into a session (new or tracked).</summary>
    protected async Task ApplyAsync(PracticeSession session, CancellationToken ct)
    {
        var notes = Input.Notes?.Trim() ?? "";
        session.Date = Input.Date!.Value;
        session.DurationMinutes = Input.DurationMinutes;
        session.Kind = Input.Kind;
        session.Categories = await db.Categories.Where(c => Input.CategoryIds.Contains(c.Id)).ToListAsync(ct);
        session.InterviewId = Input.InterviewId;
        session.Rating = Input.Rating;
        session.NotesMarkdown = notes;
        session.NotesHtml = renderer.ToHtml(notes);
    }

    protected DateTime NowUtc => time.GetUtcNow().UtcDateTime;

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var zone = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).FirstAsync(ct);
        Today = DateOnly.FromDateTime(TimeZones.ToLocal(time.GetUtcNow().UtcDateTime, zone));
        Categories = (await db.Categories.Where(c => !c.IsRetired).OrderBy(c => c.Order).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
            .Select(c => (c.Id, c.Title)).ToList();
        Interviews = (await db.Interviews.OwnedBy(userId).OrderByDescending(i => i.ScheduledAtUtc).Select(i => new { i.Id, i.Company, i.Role }).ToListAsync(ct))
            .Select(i => (i.Id, $"{i.Company}: {i.Role}")).ToList();
    }
}
