using Microsoft.AspNetCore.Http.Features;

namespace InterviewPrep.Web.Infrastructure;

/// <summary>
/// Sends an anonymous GET through the app's own middleware pipeline, without a connection, the way the test server
/// does: for pages the app builds before anyone asks for them. The pipeline is the one the server runs, captured when
/// the server builds it, so such a request meets every middleware a visitor's request meets.
/// </summary>
public sealed class InProcessRequests(IHttpContextFactory contexts)
{
    private RequestDelegate? _pipeline;

    /// <summary>What came back: status, whether a cookie was set, and the body.</summary>
    public sealed record Answer(int StatusCode, bool SetsCookie, byte[] Body);

    /// <summary>False until the server has built its pipeline (and always, in a command that runs no server).</summary>
    public bool IsReady => Volatile.Read(ref _pipeline) is not null;

    /// <summary>Whether this request was sent by <see cref="GetAsync"/> rather than by a visitor.</summary>
    public static bool IsInProcess(HttpContext context) => context.Features.Get<Marker>() is not null;

    public async Task<Answer> GetAsync(string path, CancellationToken ct)
    {
        var pipeline = Volatile.Read(ref _pipeline) ?? throw new InvalidOperationException("The server has not built its pipeline yet.");
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Method = HttpMethods.Get,
            Scheme = "http",
            Protocol = "HTTP/1.1",
            Path = path,
            Headers = { ["Host"] = "localhost" },
        });
        var response = new HttpResponseFeature();
        features.Set<IHttpResponseFeature>(response);
        using var body = new MemoryStream();
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = ct });
        features.Set(Marker.Instance);
        var context = contexts.Create(features);
        try
        {
            await pipeline(context);
        }
        finally
        {
            contexts.Dispose(context);
        }
        return new Answer(response.StatusCode, response.Headers.SetCookie.Count > 0, body.ToArray());
    }

    private sealed class Marker
    {
        public static readonly Marker Instance = new();
    }

    /// <summary>Keeps the server's pipeline as it is built: the delegate after this filter's no-op step is all of it.</summary>
    internal sealed class Capture(InProcessRequests requests) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(rest =>
            {
                Volatile.Write(ref requests._pipeline, rest);
                return rest;
            });
            next(app);
        };
    }
}
