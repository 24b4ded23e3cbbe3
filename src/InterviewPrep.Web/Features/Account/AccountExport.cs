using System.Globalization;
using System.Text;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Interviews;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Account;

/// <summary>Everything a user has entered, and nothing of anyone else's, as JSON or CSV.</summary>
public sealed class AccountExport(AppDbContext db)
{
    public async Task<object> EverythingAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.TimeZoneId, u.CreatedAtUtc }).FirstAsync(ct);
        var interviews = await db.Interviews.AsNoTracking().OwnedBy(userId)
            .Include(i => i.Contacts).Include(i => i.StageHistory).Include(i => i.Checklist).Include(i => i.AskedQuestions)
            .AsSplitQuery().OrderBy(i => i.Id).ToListAsync(ct);
        var practice = await db.PracticeSessions.AsNoTracking().OwnedBy(userId).Include(p => p.Categories).OrderBy(p => p.Id).ToListAsync(ct);
        var settings = await db.FlashcardSettings.AsNoTracking().OwnedBy(userId)
            .Select(f => new { f.DesiredRetention, f.NewPerDay, f.ReviewsPerDay }).FirstOrDefaultAsync(ct);
        var cards = await db.Flashcards.AsNoTracking().OwnedBy(userId).OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id, question = c.QuestionId == null ? null : db.Questions.Where(q => q.Id == c.QuestionId).Select(q => q.Slug).FirstOrDefault(),
                c.Front, back = c.BackMarkdown, c.Tags, state = c.State.ToString(), c.DueUtc, c.Stability, c.Difficulty, c.Reps, c.Lapses,
                c.IsSuspended, c.IsLeech, c.IsDeleted, c.CreatedAtUtc,
            })
            .ToListAsync(ct);
        var reviews = await db.ReviewLogs.AsNoTracking().OwnedBy(userId).OrderBy(r => r.Id)
            .Select(r => new { r.Id, card = r.FlashcardId, kind = r.Kind.ToString(), grade = r.Grade, r.ReviewedAtUtc, r.DurationMs, r.UndoesId, r.Deck, r.Before, r.After })
            .ToListAsync(ct);
        var rounds = await db.MockRounds.AsNoTracking().OwnedBy(userId).Include(r => r.Answers).OrderBy(r => r.Id).ToListAsync(ct);
        var slugs = await db.Questions.AsNoTracking().Select(q => new { q.Id, q.Slug }).ToDictionaryAsync(q => q.Id, q => q.Slug, ct);
        var recorded = await db.MockRecordings.AsNoTracking().OwnedBy(userId).ToDictionaryAsync(m => m.AnswerId, m => m.ContentType, ct);
        var notes = await db.QuestionNotes.AsNoTracking().OwnedBy(userId).OrderBy(n => n.Id).ToListAsync(ct);
        return new
        {
            format = "interviewprep-export",
            version = 1,
            account = user,
            interviews = interviews.Select(i => new
            {
                i.Id, i.Company, i.Role, stage = i.Stage.ToString(), i.RoundName, i.ScheduledAtUtc, i.TimeZoneId, i.DurationMinutes,
                format = i.Format.ToString(), i.Location, notes = i.NotesMarkdown, i.Outcome, debrief = i.DebriefMarkdown,
                i.CreatedAtUtc, i.UpdatedAtUtc,
                contacts = i.Contacts.Select(c => new { c.Name, c.Role, c.Email, c.Notes }),
                stageHistory = i.StageHistory.OrderBy(s => s.ChangedAtUtc).Select(s => new { stage = s.Stage.ToString(), s.ChangedAtUtc }),
                checklist = i.Checklist.OrderBy(p => p.Id).Select(p => new { kind = p.Kind.ToString(), p.Text, p.IsDone, p.QuestionId, p.CategoryId }),
                askedQuestions = i.AskedQuestions.OrderBy(a => a.Id).Select(a => new { a.Text, a.QuestionId, a.CreatedAtUtc }),
            }),
            practiceSessions = practice.Select(p => new
            {
                p.Id, p.Date, p.DurationMinutes, kind = p.Kind.ToString(), categories = p.Categories.Select(c => c.Slug), p.InterviewId,
                p.Rating, notes = p.NotesMarkdown, p.CreatedAtUtc,
            }),
            flashcardSettings = settings,
            flashcards = cards,
            reviewLog = reviews,
            questionNotes = notes.Select(n => new { question = slugs.GetValueOrDefault(n.QuestionId), notes = n.Markdown, n.UpdatedAtUtc }),
            mockRounds = rounds.Select(r => new
            {
                r.Id, kind = r.Kind.ToString(), r.InterviewId, r.LengthMinutes, r.ScoreAtEnd, r.StartedAtUtc, r.FinishedAtUtc, r.PracticeSessionId,
                answers = r.Answers.OrderBy(a => a.Position).Select(a => new
                {
                    question = slugs.GetValueOrDefault(a.QuestionId), a.BudgetSeconds, a.StartedAtUtc, a.SubmittedAtUtc, mode = a.Mode.ToString(),
                    recording = recorded.TryGetValue(a.Id, out var type) ? RecordingPath(r.Id, a.Position, type) : null,
                    text = a.Text, keyPointsHit = a.KeyPointsHit, a.KeyPointCount,
                    signals = new[] { a.Signal1, a.Signal2, a.Signal3, a.Signal4 }, a.ScoredAtUtc, a.ReviewLogId,
                }),
            }),
        };
    }

    /// <summary>
    /// Everything as a zip: <c>interviewprep-export.json</c> (as <see cref="EverythingAsync"/>) and each recording of a mock
    /// answer under <c>recordings/</c>, where the JSON's <c>recording</c> field says. Recordings are read one at a time.
    /// </summary>
    public async Task WriteZipAsync(string userId, Stream output, CancellationToken ct)
    {
        using var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true);
        var json = zip.CreateEntry("interviewprep-export.json", System.IO.Compression.CompressionLevel.Optimal);
        await using (var stream = json.Open())
        {
            await System.Text.Json.JsonSerializer.SerializeAsync(stream, await EverythingAsync(userId, ct), ExportJson.Options, ct);
        }
        var recordings = await db.MockRecordings.AsNoTracking().OwnedBy(userId)
            .Join(db.Set<Mock.MockAnswer>(), m => m.AnswerId, a => a.Id, (m, a) => new { m.Id, a.RoundId, a.Position, m.ContentType })
            .ToListAsync(ct);
        foreach (var recording in recordings)
        {
            var audio = await db.MockRecordings.AsNoTracking().Where(m => m.Id == recording.Id).Select(m => m.Audio).FirstAsync(ct);
            // Audio is compressed already.
            var entry = zip.CreateEntry(RecordingPath(recording.RoundId, recording.Position, recording.ContentType), System.IO.Compression.CompressionLevel.NoCompression);
            await using var stream = entry.Open();
            await stream.WriteAsync(audio, ct);
        }
    }

    private static string RecordingPath(int roundId, int position, string contentType) =>
        string.Create(CultureInfo.InvariantCulture, $"recordings/round-{roundId}-question-{position + 1}.{contentType switch
        {
            "audio/ogg" => "ogg",
            "audio/mp4" or "audio/aac" => "m4a",
            "audio/mpeg" => "mp3",
            "audio/wav" or "audio/x-wav" => "wav",
            _ => "webm",
        }}");

    public async Task<string> InterviewsCsvAsync(string userId, CancellationToken ct)
    {
        var rows = await db.Interviews.AsNoTracking().OwnedBy(userId).OrderBy(i => i.ScheduledAtUtc).ThenBy(i => i.Id).ToListAsync(ct);
        var csv = new StringBuilder();
        Line(csv, "company", "role", "stage", "round", "scheduled_utc", "time_zone", "duration_minutes", "format", "location", "outcome", "notes");
        foreach (var i in rows)
        {
            Line(csv, i.Company, i.Role, StageNames.Label(i.Stage), i.RoundName, i.ScheduledAtUtc?.ToString("yyyy-MM-dd'T'HH:mm':00Z'", CultureInfo.InvariantCulture),
                i.TimeZoneId, i.DurationMinutes.ToString(CultureInfo.InvariantCulture), StageNames.Label(i.Format), i.Location, i.Outcome, i.NotesMarkdown);
        }
        return csv.ToString();
    }

    public async Task<string> PracticeCsvAsync(string userId, CancellationToken ct)
    {
        var rows = await db.PracticeSessions.AsNoTracking().OwnedBy(userId).Include(p => p.Categories).OrderBy(p => p.Date).ThenBy(p => p.Id).ToListAsync(ct);
        var csv = new StringBuilder();
        Line(csv, "date", "duration_minutes", "kind", "categories", "rating", "notes");
        foreach (var p in rows)
        {
            Line(csv, p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.DurationMinutes.ToString(CultureInfo.InvariantCulture), StageNames.Label(p.Kind),
                string.Join("; ", p.Categories.Select(c => c.Title)), p.Rating.ToString(CultureInfo.InvariantCulture), p.NotesMarkdown);
        }
        return csv.ToString();
    }

    /// <summary>One RFC 4180 line; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
    private static void Line(StringBuilder csv, params string?[] cells)
    {
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

    internal static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
