using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPrep.Web.Features.Account;

/// <summary>Downloads the user's data: everything as JSON, or interviews or practice as CSV.</summary>
public sealed class ExportModel(AccountExport export, TimeProvider time) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        var userId = User.UserId();
        var day = time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return format switch
        {
            "interviews-csv" => File(Encoding.UTF8.GetBytes(await export.InterviewsCsvAsync(userId, ct)), "text/csv; charset=utf-8", $"interviewprep-interviews-{day}.csv"),
            "practice-csv" => File(Encoding.UTF8.GetBytes(await export.PracticeCsvAsync(userId, ct)), "text/csv; charset=utf-8", $"interviewprep-practice-{day}.csv"),
            null or "" or "json" => File(JsonSerializer.SerializeToUtf8Bytes(await export.EverythingAsync(userId, ct), Json), "application/json", $"interviewprep-export-{day}.json"),
            _ => NotFound(),
        };
    }
}
