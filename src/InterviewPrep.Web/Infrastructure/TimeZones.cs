using Microsoft.AspNetCore.Mvc.Rendering;

namespace InterviewPrep.Web.Infrastructure;

/// <summary>IANA time zones: the list users choose from, and conversions that refuse times a zone skips.</summary>
public static class TimeZones
{
    private static readonly Lazy<IReadOnlyList<string>> Ids = new(() => TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id)
        .Where(id => id == "UTC" || (id.Contains('/', StringComparison.Ordinal) && !id.StartsWith("Etc/", StringComparison.Ordinal)))
        .Order(StringComparer.Ordinal)
        .ToList());

    public static bool IsKnown(string? id) => id is not null && (id == "UTC" || Ids.Value.Contains(id));

    public static TimeZoneInfo Find(string? id) =>
        IsKnown(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id!, out var zone) ? zone : TimeZoneInfo.Utc;

    public static IEnumerable<SelectListItem> Options(string? selected) =>
        Ids.Value.Select(id => new SelectListItem(id.Replace('_', ' '), id, id == selected));

    /// <summary>
    /// The UTC instant of a wall-clock time in a zone. Null when the zone skips that time (the hour
    /// lost when clocks go forward); for the repeated hour when clocks go back, the first one.
    /// </summary>
    public static DateTime? ToUtc(DateTime local, string zoneId)
    {
        var zone = Find(zoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            return null;
        }
        if (zone.IsAmbiguousTime(unspecified))
        {
            var offset = zone.GetAmbiguousTimeOffsets(unspecified).Max();
            return new DateTimeOffset(unspecified, offset).UtcDateTime;
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    public static DateTime ToLocal(DateTime utc, string zoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Find(zoneId));
}
