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
        var cacheable = anonymous && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        // A page is kept from its second visit: most searches are typed once, a crawler reads each question once after
        // an import, and storing each such page would cost a copy of it, a lock per key and the eviction of the pages
        // that are asked again (decision 0016).
        context.AllowCacheStorage = cacheable && _visited.SeenBefore(request.Path, request.QueryString);
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromHours(1);
        context.CacheVaryByRules.QueryKeys = new StringValues(["q", "category", "difficulty", "tag", "page", "deleted"]);
        context.Tags.Add(ContentTag);
        context.HttpContext.Items[GenerationKey] = context.HttpContext.RequestServices.GetRequiredService<ContentImportStatus>().Generation;
        return ValueTask.CompletedTask;
    }

    private static readonly object GenerationKey = new();

    private readonly SeenKeys _visited = new(16384);

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

/// <summary>
/// Which keys were asked for lately: a table of their hashes, one slot per hash, a newer key taking an older one's slot.
/// A key is reported seen when its hash is in its slot; two keys that share a slot may forget each other, and a rare pair
/// with the same hash is taken for one key. Either way only when a page is stored changes, never what is served.
/// </summary>
public sealed class SeenKeys(int slots)
{
    private readonly int[] _hashes = new int[System.Numerics.BitOperations.RoundUpToPowerOf2((uint)slots)];

    /// <summary>Whether the key was asked for before (since its slot last changed hands), and notes it as asked.</summary>
    public bool SeenBefore(string key) => SeenBefore(key.GetHashCode(StringComparison.Ordinal));

    /// <summary>Whether the address was asked for before, path and query as written.</summary>
    public bool SeenBefore(PathString path, QueryString query) =>
        SeenBefore(HashCode.Combine(path.Value?.GetHashCode(StringComparison.Ordinal), query.Value?.GetHashCode(StringComparison.Ordinal)));

    private bool SeenBefore(int hash)
    {
        ref var slot = ref _hashes[hash & (_hashes.Length - 1)];
        hash |= 1; // never 0, an empty slot; the bit set is one the slot's place already stands for
        if (Volatile.Read(ref slot) == hash)
        {
            return true;
        }
        Volatile.Write(ref slot, hash);
        return false;
    }
}
