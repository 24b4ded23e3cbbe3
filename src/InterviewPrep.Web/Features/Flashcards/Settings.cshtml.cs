using System.ComponentModel.DataAnnotations;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>The user's desired retention and daily limits.</summary>
[Authorize]
public sealed class SettingsModel(AppDbContext db, DatabaseWrites writes, ILogger<SettingsModel> logger) : PageModel
{
    public sealed class Form
    {
        [Required(ErrorMessage = "Enter a desired retention from 0.70 to 0.97.")]
        [Range(0.70, 0.97, ErrorMessage = "Enter a desired retention from 0.70 to 0.97.")]
        [Display(Name = "Desired retention")]
        public double? DesiredRetention { get; set; }

        [Required(ErrorMessage = "Enter how many new cards a day, 0 to 1,000.")]
        [Range(0, 1000, ErrorMessage = "Enter how many new cards a day, 0 to 1,000.")]
        [Display(Name = "New cards a day")]
        public int? NewPerDay { get; set; }

        [Required(ErrorMessage = "Enter how many reviews a day, 0 to 10,000.")]
        [Range(0, 10_000, ErrorMessage = "Enter how many reviews a day, 0 to 10,000.")]
        [Display(Name = "Reviews a day")]
        public int? ReviewsPerDay { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var settings = await db.FlashcardSettings.AsNoTracking().OwnedBy(userId).FirstOrDefaultAsync(ct) ?? new FlashcardSettings { UserId = userId };
        Input = new Form { DesiredRetention = settings.DesiredRetention, NewPerDay = settings.NewPerDay, ReviewsPerDay = settings.ReviewsPerDay };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var userId = User.UserId();
        var settings = await db.FlashcardSettings.OwnedBy(userId).FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new FlashcardSettings { UserId = userId };
            db.FlashcardSettings.Add(settings);
        }
        // Two decimals, as typed: the scheduler is cached per retention.
        settings.DesiredRetention = Math.Round(Input.DesiredRetention!.Value, 2);
        settings.NewPerDay = Input.NewPerDay!.Value;
        settings.ReviewsPerDay = Input.ReviewsPerDay!.Value;
        settings.Version++;
        try
        {
            await writes.SaveAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsLostRace())
        {
            ModelState.AddModelError("", "Your settings changed at the same moment in another tab; check them and save again.");
            return Page();
        }
        catch (DbUpdateException e)
        {
            // Not a race: the database refused the write (a full or read-only disk). Nothing was saved; say so, keep the form.
            logger.LogError(e, "Flashcard settings could not be saved");
            ModelState.AddModelError("", "Your settings could not be saved just now, so nothing was changed. Try again in a moment.");
            return Page();
        }
        Message = "Settings saved.";
        return RedirectToPage();
    }
}
