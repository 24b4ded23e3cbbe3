using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using InterviewPrep.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPrep.Web.Features.Account;

/// <summary>Account settings: time zone, the private calendar feed, and the ways to take or erase your data.</summary>
public sealed class IndexModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Choose a time zone."), Display(Name = "Time zone")]
    public string TimeZoneId { get; set; } = "UTC";

    public string Email { get; private set; } = "";
    public string? FeedUrl { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Show(user);
        TimeZoneId = user.TimeZoneId;
        return Page();
    }

    public async Task<IActionResult> OnPostTimeZoneAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!TimeZones.IsKnown(TimeZoneId))
        {
            ModelState.AddModelError(nameof(TimeZoneId), "Choose a time zone from the list.");
        }
        if (!ModelState.IsValid)
        {
            Show(user);
            return Page();
        }
        user.TimeZoneId = TimeZoneId;
        await users.UpdateAsync(user);
        Message = "Time zone saved.";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostNewFeedAsync() => SetFeedAsync(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), "A new private calendar link is ready; the old one no longer works.");

    public Task<IActionResult> OnPostRevokeFeedAsync() => SetFeedAsync(null, "The calendar link is turned off; calendars subscribed to it stop updating.");

    private async Task<IActionResult> SetFeedAsync(string? token, string message)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        user.CalendarToken = token;
        await users.UpdateAsync(user);
        Message = message;
        return RedirectToPage();
    }

    private void Show(AppUser user)
    {
        Email = user.Email ?? "";
        FeedUrl = user.CalendarToken is null ? null : $"{Request.Scheme}://{Request.Host}/calendar/{user.CalendarToken}.ics";
    }
}
