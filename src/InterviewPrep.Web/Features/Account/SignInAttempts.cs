using System.Globalization;
using InterviewPrep.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Web.Features.Account;

/// <summary>How many sign-in or registration posts one client address sent in one minute (the minute it starts).</summary>
public sealed class SignInAttemptCount
{
    public required string Client { get; set; }
    public DateTime MinuteUtc { get; set; }
    public int Count { get; set; }
}

internal sealed class SignInAttemptCountConfiguration : IEntityTypeConfiguration<SignInAttemptCount>
{
    public void Configure(EntityTypeBuilder<SignInAttemptCount> builder)
    {
        builder.HasKey(c => new { c.Client, c.MinuteUtc });
        builder.Property(c => c.Client).HasMaxLength(64);
        builder.HasIndex(c => c.MinuteUtc);
    }
}

/// <summary>
/// The sign-in limit: at most <c>RateLimiting:SignInPerMinute</c> posts of the sign-in and registration forms per client
/// address and minute. The counts are in the database, so that the limit holds over every instance of the app on it
/// (decision 0017); reading the pages is free.
/// </summary>
public sealed class SignInAttempts(AppDbContext db, DatabaseWrites writes, TimeProvider time, IConfiguration configuration)
{
    private readonly int _perMinute = configuration.GetValue("RateLimiting:SignInPerMinute", 10);

    /// <summary>Counts one attempt; returns how long to wait when it is over the limit, or null when it may go on.</summary>
    public async Task<TimeSpan?> CountAsync(string client, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var minute = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        var count = await writes.RunAsync(async () =>
        {
            // Minutes that are over are of no more use to anyone.
            await db.SignInAttemptCounts.Where(c => c.MinuteUtc < minute.AddMinutes(-1)).ExecuteDeleteAsync(ct);
            return (await db.Database.SqlQueryRaw<int>(Upsert(db), client, minute).ToListAsync(ct)).Single();
        }, ct);
        return count > _perMinute ? minute.AddMinutes(1) - now : null;
    }

    /// <summary>
    /// Adds one to the client's count of this minute, or starts it at one, in one statement, so that two instances
    /// counting the same client at once neither lose an attempt nor collide. EF Core cannot write an upsert; SQLite and
    /// PostgreSQL both take this one as it is. The names are the model's.
    /// </summary>
    private static string Upsert(AppDbContext db)
    {
        var table = db.Model.FindEntityType(typeof(SignInAttemptCount))!;
        string Column(string property) => $"\"{table.FindProperty(property)!.GetColumnName()}\"";
        var (name, client, minute, count) = ($"\"{table.GetTableName()}\"", Column(nameof(SignInAttemptCount.Client)),
            Column(nameof(SignInAttemptCount.MinuteUtc)), Column(nameof(SignInAttemptCount.Count)));
        return $$"""
            INSERT INTO {{name}} ({{client}}, {{minute}}, {{count}}) VALUES ({0}, {1}, 1)
            ON CONFLICT ({{client}}, {{minute}}) DO UPDATE SET {{count}} = {{name}}.{{count}} + 1
            RETURNING {{count}} AS "Value"
            """;
    }
}

/// <summary>On a page's posts, counts the attempt and answers 429 with Retry-After when the client is over the limit.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SignInLimitAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method))
        {
            var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (await http.RequestServices.GetRequiredService<SignInAttempts>().CountAsync(client, http.RequestAborted) is { } wait)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.Result = new ContentResult
                {
                    StatusCode = StatusCodes.Status429TooManyRequests,
                    ContentType = "text/plain; charset=utf-8",
                    Content = string.Create(CultureInfo.InvariantCulture, $"Too many attempts from this address. Wait {seconds} seconds, then try again."),
                };
                return;
            }
        }
        await next();
    }
}
