using System.ComponentModel.DataAnnotations;
using InterviewPrep.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Account;

/// <summary>Creates an account and signs it in; closed when Registration:Enabled is false.</summary>
[AllowAnonymous]
[SignInLimit]
public sealed class RegisterModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptions<RegistrationOptions> registration, TimeProvider time) : PageModel
{
    public sealed class Form
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.com.")]
        [StringLength(254, ErrorMessage = "An e-mail address has at most 254 characters.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(128, MinimumLength = 8, ErrorMessage = "Use 8 to 128 characters; a short phrase is easy to remember.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Choose your time zone.")]
        [Display(Name = "Time zone")]
        public string TimeZoneId { get; set; } = "UTC";
    }

    [BindProperty] public Form Input { get; set; } = new();
    [FromQuery(Name = "returnUrl")] public string? ReturnUrl { get; set; }
    public bool IsOpen => registration.Value.Enabled;

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!IsOpen)
        {
            return Page();
        }
        if (!TimeZones.IsKnown(Input.TimeZoneId))
        {
            ModelState.AddModelError("Input.TimeZoneId", "Choose a time zone from the list.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = new AppUser { UserName = Input.Email.Trim(), Email = Input.Email.Trim(), TimeZoneId = Input.TimeZoneId, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password"
                    : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.Email" : "";
                ModelState.AddModelError(field, error.Code is "DuplicateUserName" or "DuplicateEmail"
                    ? "An account with this e-mail address already exists; sign in instead."
                    : error.Description);
            }
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: true);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/interviews");
    }
}
