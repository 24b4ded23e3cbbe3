using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using InterviewPrep.Web.Features.Questions;
using Serilog;
using Serilog.Events;

namespace InterviewPrep.Web.Infrastructure;

/// <summary>The web pipeline: Razor Pages under <c>Features/</c>, errors, headers, static files and health.</summary>
public static class WebSetup
{
    /// <summary>The page folders whose anonymous responses are output-cached until the next content import.</summary>
    private static readonly string[] CachedFolders = ["/Questions", "/Categories", "/Guides", "/Home"];

    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            // Browsing is open to everyone; tracking and practice need an account.
            options.Conventions.AuthorizeFolder("/Interviews");
            options.Conventions.AuthorizeFolder("/Practice");
            options.Conventions.AuthorizeFolder("/Account");
            options.Conventions.AuthorizeFolder("/Flashcards");
            options.Conventions.AuthorizeFolder("/Mock");
            options.Conventions.AllowAnonymousToPage("/Interviews/CalendarFeed");
            foreach (var folder in CachedFolders)
            {
                options.Conventions.AddFolderApplicationModelConvention(folder, model => model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = AnonymousPageCache.PolicyName }));
            }
        }).AddMvcOptions(options => options.Filters.Add<UnknownHandlerFilter>());
        builder.Services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AssetPaths>();
        builder.Services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReverseProxyOptions>, ReverseProxyOptionsValidation>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Live, HealthTags.Ready])
            .AddCheck<SearchIndexHealthCheck>("search", tags: [HealthTags.Live, HealthTags.Ready]);
        builder.Services.AddOutputCache(options =>
        {
            options.SizeLimit = builder.Configuration.GetValue("OutputCache:SizeLimitBytes", 8L * 1024 * 1024);
            options.AddPolicy(AnonymousPageCache.PolicyName, new AnonymousPageCache());
        });
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            // Forms here are small; a larger body is refused with 413 before it is read.
            options.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Limits:MaxRequestBodyBytes", 4L * 1024 * 1024);
        });
        return builder;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        // First, so that everything after it (HSTS, rate limits, logs) sees the visitor's scheme and address.
        var proxy = app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value;
        if (proxy.Enabled)
        {
            app.UseForwardedHeaders(proxy.ToForwardedHeaders());
        }
        app.UseExceptionHandler("/error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>(); // this app's logger, not the static one
            // A health check's 503 is an answer, not a failure, and a proxy asks every few seconds.
            options.GetLevel = (context, _, error) =>
                context.Request.Path.StartsWithSegments("/healthz", StringComparison.Ordinal) ? LogEventLevel.Debug
                : error is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            // Files are referenced with a version query (asp-append-version), so they can be cached long.
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl =
                ctx.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
        });
        app.UseRouting();
        // Kestrel enforces the body limit as it reads; this answers at once for a declared length over it. A page that
        // takes more (a recorded answer) says so with [RequestSizeLimit], read here from its endpoint: its own filter
        // would run after the antiforgery check had read the form under the default limit.
        var maxBody = app.Configuration.GetValue("Limits:MaxRequestBodyBytes", 4L * 1024 * 1024);
        app.Use((context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? maxBody;
            if (limit != maxBody && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync($"The request is larger than this server accepts ({limit / 1024 / 1024} MB).");
            }
            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        // Notices an import by another process before a cached page is served (at most one query every 2 s).
        app.Use(async (context, next) =>
        {
            await context.RequestServices.GetRequiredService<ContentRevisionWatcher>().CheckAsync(context.RequestAborted);
            await next(context);
        });
        app.UseOutputCache();
        // Liveness, and for a proxy whether to send this instance traffic: 503 until the start-up import has finished too.
        app.MapHealthChecks("/healthz", Health(HealthTags.Live));
        app.MapHealthChecks("/healthz/ready", Health(HealthTags.Ready));
        app.MapRazorPages();
        return app;
    }

    private static HealthCheckOptions Health(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = (context, report) =>
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync(report.Status == HealthStatus.Healthy ? "Healthy" : "Unhealthy: " + string.Join("; ",
                report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}")));
        },
    };
}

/// <summary>Which health checks each address runs.</summary>
public static class HealthTags
{
    public const string Live = "live";
    public const string Ready = "ready";
}

/// <summary>Healthy when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = await db.Categories.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("the database does not answer");
        }
    }
}
