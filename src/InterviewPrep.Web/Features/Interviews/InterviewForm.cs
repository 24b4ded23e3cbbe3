using System.ComponentModel.DataAnnotations;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace InterviewPrep.Web.Features.Interviews;

/// <summary>The interview form of the new and edit pages: what the user typed, its rules, and how it lands on an interview.</summary>
public sealed class InterviewForm
{
    public const int MaxNotes = 20_000;
    public const int ContactRows = 3;

    [Required(ErrorMessage = "Enter the company.")]
    [StringLength(200, ErrorMessage = "Keep the company under 200 characters.")]
    public string Company { get; set; } = "";

    [Required(ErrorMessage = "Enter the role you are interviewing for.")]
    [StringLength(200, ErrorMessage = "Keep the role under 200 characters.")]
    public string Role { get; set; } = "";

    public InterviewStage Stage { get; set; } = InterviewStage.Applied;

    [StringLength(200, ErrorMessage = "Keep the round name under 200 characters.")]
    [Display(Name = "Round")]
    public string? RoundName { get; set; }

    [DataType(DataType.Date)]
    public DateOnly? Date { get; set; }

    [DataType(DataType.Time)]
    public TimeOnly? Time { get; set; }

    [Required(ErrorMessage = "Choose a time zone.")]
    [Display(Name = "Time zone")]
    public string TimeZoneId { get; set; } = "UTC";

    [Range(5, 1440, ErrorMessage = "A duration is 5 to 1,440 minutes.")]
    [Display(Name = "Duration (minutes)")]
    public int DurationMinutes { get; set; } = 60;

    public InterviewFormat Format { get; set; } = InterviewFormat.Video;

    [StringLength(1000, ErrorMessage = "Keep the location under 1,000 characters.")]
    [Display(Name = "Meeting link or place")]
    public string? Location { get; set; }

    [StringLength(MaxNotes, ErrorMessage = "Notes are limited to 20,000 characters; this is longer. Shorten it, or keep long material elsewhere and link to it.")]
    public string? Notes { get; set; }

    [StringLength(500, ErrorMessage = "Keep the outcome under 500 characters.")]
    public string? Outcome { get; set; }

    [StringLength(MaxNotes, ErrorMessage = "The debrief is limited to 20,000 characters; this is longer.")]
    public string? Debrief { get; set; }

    public List<ContactForm> Contacts { get; set; } = [];

    /// <summary>The version the form was loaded from; a mismatch means another tab saved first.</summary>
    public int Version { get; set; }

    public sealed class ContactForm
    {
        [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
        public string? Name { get; set; }

        [StringLength(200, ErrorMessage = "Keep the role under 200 characters.")]
        public string? Role { get; set; }

        [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.com.")]
        [StringLength(254)]
        public string? Email { get; set; }

        [StringLength(2000, ErrorMessage = "Keep contact notes under 2,000 characters.")]
        public string? Notes { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Role)
            && string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Notes);
    }

    public static InterviewForm For(Interview interview)
    {
        var local = interview.ScheduledAtUtc is { } utc ? TimeZones.ToLocal(utc, interview.TimeZoneId) : (DateTime?)null;
        return new InterviewForm
        {
            Company = interview.Company,
            Role = interview.Role,
            Stage = interview.Stage,
            RoundName = interview.RoundName,
            Date = local is null ? null : DateOnly.FromDateTime(local.Value),
            Time = local is null ? null : TimeOnly.FromDateTime(local.Value),
            TimeZoneId = interview.TimeZoneId,
            DurationMinutes = interview.DurationMinutes,
            Format = interview.Format,
            Location = interview.Location,
            Notes = interview.NotesMarkdown,
            Outcome = interview.Outcome,
            Debrief = interview.DebriefMarkdown,
            Contacts = interview.Contacts.Select(c => new ContactForm { Name = c.Name, Role = c.Role, Email = c.Email, Notes = c.Notes }).ToList(),
            Version = interview.Version,
        };
    }

    /// <summary>Blank rows for new contacts, so that contacts can be added without JavaScript.</summary>
    public void PadContacts()
    {
        for (var blanks = Contacts.Count(c => c.IsBlank); blanks < ContactRows - 1; blanks++)
        {
            Contacts.Add(new ContactForm());
        }
    }

    /// <summary>The rules data annotations cannot say; each error is put beside its field.</summary>
    public void Validate(ModelStateDictionary state, string prefix)
    {
        if (!TimeZones.IsKnown(TimeZoneId))
        {
            state.AddModelError($"{prefix}.TimeZoneId", "Choose a time zone from the list.");
        }
        if (Date is null && Time is not null)
        {
            state.AddModelError($"{prefix}.Date", "Enter the date as well as the time.");
        }
        if (Date is not null && Time is null)
        {
            state.AddModelError($"{prefix}.Time", "Enter the time as well as the date.");
        }
        if (Date is not null && Time is not null && TimeZones.IsKnown(TimeZoneId) && ScheduledAtUtc() is null)
        {
            state.AddModelError($"{prefix}.Time", $"{Time:HH:mm} does not exist on {Date:d MMM yyyy} in {TimeZoneId}: the clocks skip it. Choose another time.");
        }
        if (!string.IsNullOrWhiteSpace(Location) && Location.Contains("://", StringComparison.Ordinal)
            && !(Uri.TryCreate(Location.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            state.AddModelError($"{prefix}.Location", "A meeting link must be a full http:// or https:// address.");
        }
        for (var i = 0; i < Contacts.Count; i++)
        {
            if (!Contacts[i].IsBlank && string.IsNullOrWhiteSpace(Contacts[i].Name))
            {
                state.AddModelError($"{prefix}.Contacts[{i}].Name", "Give this contact a name, or clear the row.");
            }
        }
    }

    public DateTime? ScheduledAtUtc() =>
        Date is { } d && Time is { } t ? TimeZones.ToUtc(d.ToDateTime(t), TimeZoneId) : null;

    /// <summary>Writes the form onto the interview; a stage change is appended to its history.</summary>
    public void ApplyTo(Interview interview, MarkdownRenderer renderer, DateTime nowUtc)
    {
        if (interview.StageHistory.Count == 0 || interview.Stage != Stage)
        {
            interview.StageHistory.Add(new StageChange { Stage = Stage, ChangedAtUtc = nowUtc });
        }
        interview.Company = Company.Trim();
        interview.Role = Role.Trim();
        interview.Stage = Stage;
        interview.RoundName = Blank(RoundName);
        interview.ScheduledAtUtc = ScheduledAtUtc();
        interview.TimeZoneId = TimeZoneId;
        interview.DurationMinutes = DurationMinutes;
        interview.Format = Format;
        interview.Location = Blank(Location);
        interview.NotesMarkdown = Notes?.Trim() ?? "";
        interview.NotesHtml = renderer.ToHtml(interview.NotesMarkdown);
        interview.Outcome = Blank(Outcome);
        interview.DebriefMarkdown = Debrief?.Trim() ?? "";
        interview.DebriefHtml = renderer.ToHtml(interview.DebriefMarkdown);
        interview.Contacts.Clear();
        interview.Contacts.AddRange(Contacts.Where(c => !c.IsBlank).Select(c => new InterviewContact
        {
            Name = c.Name!.Trim(),
            Role = Blank(c.Role),
            Email = Blank(c.Email),
            Notes = Blank(c.Notes),
        }));
        interview.Version++;
        interview.UpdatedAtUtc = nowUtc;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
