using Microsoft.AspNetCore.Identity;

namespace InterviewPrep.Web.Features.Account;

/// <summary>A candidate's account; everything they track hangs off it and is erased with it.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>IANA time zone id (such as <c>Europe/Berlin</c>) in which dates are shown and entered.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>The secret in the private calendar feed URL; null when the feed is off.</summary>
    public string? CalendarToken { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A record that belongs to one user; every query of it goes through <see cref="UserOwnedQueries.OwnedBy{T}"/>.</summary>
public interface IUserOwned
{
    string UserId { get; }
}

/// <summary>The one way to scope a query to the signed-in user.</summary>
public static class UserOwnedQueries
{
    public static IQueryable<T> OwnedBy<T>(this IQueryable<T> query, string userId) where T : class, IUserOwned =>
        query.Where(item => item.UserId == userId);
}
