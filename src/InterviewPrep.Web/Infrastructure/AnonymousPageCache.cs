using InterviewPrep.Web.Features.Content;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace InterviewPrep.Web.Infrastructure;

/// <summary>
/// Output caching for what anonymous visitors read (questions, categories, guides, the home page):
/// the same for everyone and changed only by an import, which evicts the <see cref="ContentTag"/>.
/// Signed-in users are never served from or written to the cache: their pages carry their own data.
/// </summary>
public sealed class AnonymousPageCache : IOutputCachePolicy
{
    public const string PolicyName = "anonymous-content";
    public const string ContentTag = "content";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var anonymous = context.HttpContext.User.Identity?.IsAuthenticated != true;
        // A page built ahead of a visit goes to its own file, not to the memory this cache shares among the popular pages.
        var cacheable = anonymous && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !InProcessRequests.IsInProcess(context.HttpContext);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromHours(1);
        context.CacheVaryByRules.QueryKeys = new StringValues(["q", "category", "difficulty", "tag", "page", "deleted"]);
        context.Tags.Add(ContentTag);
        context.HttpContext.Items[GenerationKey] = context.HttpContext.RequestServices.GetRequiredService<ContentImportStatus>().Generation;
        return ValueTask.CompletedTask;
    }

    private static readonly object GenerationKey = new();

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Only complete, successful pages that set no cookie are kept.
        var response = context.HttpContext.Response;
        // Nor a page built while an import ran, or across its start or end: it may show the bank half old.
        var import = context.HttpContext.RequestServices.GetRequiredService<ContentImportStatus>();
        var during = import.IsRunning || !Equals(context.HttpContext.Items[GenerationKey], import.Generation);
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie) || during)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
