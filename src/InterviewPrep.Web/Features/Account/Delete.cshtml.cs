using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPrep.Web.Features.Account;

/// <summary>Erases the account and everything of it, once the password is confirmed.</summary>
public sealed class DeleteModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your password to confirm."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!await users.CheckPasswordAsync(user, Password))
        {
            ModelState.AddModelError(nameof(Password), "That is not your password; nothing was deleted.");
            return Page();
        }
        // Interviews, their checklists and debriefs, and practice sessions go with the user (cascading keys).
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", "The account could not be deleted; nothing was changed. Try again.");
            return Page();
        }
        await signIn.SignOutAsync();
        return Redirect("/?deleted=1");
    }
}
