using System.Text;
using InterviewPrep.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>Imports own cards from a CSV file of front, back and tags.</summary>
[RequestSizeLimit(DeckTransfer.MaxImportBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = DeckTransfer.MaxImportBytes + 64 * 1024)]
[Authorize]
public sealed class ImportModel(DeckTransfer transfer) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public ImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a CSV file to import.");
            return Page();
        }
        if (Upload.Length > DeckTransfer.MaxImportBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The file is larger than 1 MB; split it into smaller files.");
            return Page();
        }
        string text;
        try
        {
            using var reader = new StreamReader(Upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            text = await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError(nameof(Upload), "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.");
            return Page();
        }
        Report = await transfer.ImportAsync(User.UserId(), text, ct);
        return Page();
    }
}
