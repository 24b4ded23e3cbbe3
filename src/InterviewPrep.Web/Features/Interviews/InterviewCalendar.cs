using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using InterviewPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Interviews;

/// <summary>
/// Interviews as iCalendar (RFC 5545) through Ical.Net: times in UTC, a UID that survives edits, the
/// meeting link, and the prep checklist in the description.
/// </summary>
public sealed class InterviewCalendar(AppDbContext db, TimeProvider time)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The events of the given user's scheduled interviews, or of one of them.</summary>
    public async Task<string> BuildAsync(string userId, int? interviewId, CancellationToken ct)
    {
        var query = db.Interviews.AsNoTracking().Where(i => i.UserId == userId && i.ScheduledAtUtc != null);
        if (interviewId is { } id)
        {
            query = query.Where(i => i.Id == id);
        }
        var interviews = await query.Include(i => i.Checklist).Include(i => i.Contacts).AsSplitQuery().ToListAsync(ct);
        var calendar = new Calendar { ProductId = "-//InterviewPrep//Interview tracker//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Interviews");
        var stamp = new CalDateTime(time.GetUtcNow().UtcDateTime, CalDateTime.UtcTzId);
        foreach (var interview in interviews.OrderBy(i => i.ScheduledAtUtc))
        {
            var isLink = Uri.TryCreate(interview.Location, UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp);
            var calendarEvent = new CalendarEvent
            {
                Uid = $"{interview.CalendarUid:D}@interviewprep",
                Summary = $"Interview: {interview.Company}, {interview.Role}{(interview.RoundName is null ? "" : $" ({interview.RoundName})")}",
                DtStart = new CalDateTime(interview.ScheduledAtUtc!.Value, CalDateTime.UtcTzId),
                DtEnd = new CalDateTime(interview.EndsAtUtc!.Value, CalDateTime.UtcTzId),
                DtStamp = stamp,
                LastModified = new CalDateTime(DateTime.SpecifyKind(interview.UpdatedAtUtc, DateTimeKind.Utc), CalDateTime.UtcTzId),
                Sequence = interview.Version,
                Location = interview.Location,
                Url = isLink ? link : null,
                Description = Describe(interview),
            };
            calendar.Events.Add(calendarEvent);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string Describe(Interview interview)
    {
        var text = new StringBuilder();
        text.Append("Stage: ").AppendLine(StageNames.Label(interview.Stage));
        text.Append("Format: ").AppendLine(StageNames.Label(interview.Format));
        if (interview.Location is not null)
        {
            text.Append("Where: ").AppendLine(interview.Location);
        }
        foreach (var contact in interview.Contacts)
        {
            text.Append("With: ").Append(contact.Name).AppendLine(contact.Role is null ? "" : $", {contact.Role}");
        }
        if (interview.Checklist.Count > 0)
        {
            text.AppendLine().AppendLine("Prep checklist:");
            foreach (var item in interview.Checklist.OrderBy(i => i.Kind).ThenBy(i => i.Id))
            {
                text.Append(item.IsDone ? "[x] " : "[ ] ").Append(item.Kind == PrepItemKind.AskInterviewer ? "Ask: " : "").AppendLine(item.Text);
            }
        }
        return text.ToString().TrimEnd();
    }
}
