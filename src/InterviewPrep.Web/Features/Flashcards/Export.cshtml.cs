using System.Text;
using System.Text.Json;
using InterviewPrep.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>Downloads a deck: <c>format=csv</c> for Anki, <c>format=json</c> with the review history.</summary>
[Authorize]
public sealed class ExportModel(DeckTransfer transfer, FlashcardLibrary library) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IActionResult> OnGetAsync(string? deck, string? format, CancellationToken ct)
    {
        var userId = User.UserId();
        if (Deck.Parse(deck) is not { } parsed || !DeckNames.Exists(parsed, await library.MaterialAsync(userId, ct)))
        {
            return NotFound();
        }
        var name = "flashcards-" + parsed.Value.Replace(':', '-');
        return format switch
        {
            "csv" => File(Encoding.UTF8.GetBytes(await transfer.CsvAsync(userId, parsed, ct)), "text/csv; charset=utf-8", name + ".csv"),
            "json" => File(JsonSerializer.SerializeToUtf8Bytes(await transfer.JsonAsync(userId, parsed, ct), Json), "application/json", name + ".json"),
            _ => NotFound(),
        };
    }
}
