using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPrep.Web.Features.Account;

/// <summary>The JSON of an export, the same in the JSON download and in the zip.</summary>
public static class ExportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

/// <summary>Downloads the user's data: everything as JSON (or a zip with the recordings), or interviews or practice as CSV.</summary>
public sealed class ExportModel(AccountExport export, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        var userId = User.UserId();
        var day = time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return format switch
        {
            "interviews-csv" => File(Encoding.UTF8.GetBytes(await export.InterviewsCsvAsync(userId, ct)), "text/csv; charset=utf-8", $"interviewprep-interviews-{day}.csv"),
            "practice-csv" => File(Encoding.UTF8.GetBytes(await export.PracticeCsvAsync(userId, ct)), "text/csv; charset=utf-8", $"interviewprep-practice-{day}.csv"),
            null or "" or "json" => File(JsonSerializer.SerializeToUtf8Bytes(await export.EverythingAsync(userId, ct), ExportJson.Options), "application/json", $"interviewprep-export-{day}.json"),
            "zip" => await ZipAsync(userId, $"interviewprep-export-{day}.zip", ct),
            _ => NotFound(),
        };
    }

    /// <summary>The zip, built in a temporary file (recordings can be megabytes each) and sent from there.</summary>
    private async Task<IActionResult> ZipAsync(string userId, string name, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await export.WriteZipAsync(userId, file, ct);
        file.Position = 0;
        return File(file, "application/zip", name);
    }
}
