using System.Net;
using InterviewPrep.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Security;

/// <summary>X-Forwarded-Proto and X-Forwarded-For are believed only with ReverseProxy:Enabled, and only from a known proxy.</summary>
public sealed class RunningBehindAReverseProxy : IDisposable
{
    private const string Proxy = "10.9.8.7";
    private readonly TestContent _content = TestContent.Sample(theoryQuestions: 2);
    private readonly List<AppFactory> _apps = [];

    public void Dispose()
    {
        // Each factory disposes the one WithWebHostBuilder made from it, then its data folder.
        _apps.ForEach(app => app.Dispose());
        _content.Dispose();
    }

    /// <summary>The app as it is reached through a proxy at <paramref name="connectingFrom"/>; sign-in allows one post a minute per address.</summary>
    private WebApplicationFactory<Program> App(Dictionary<string, string> settings, string connectingFrom)
    {
        settings["RateLimiting:SignInPerMinute"] = "1";
        var app = new AppFactory(_content, settings);
        _apps.Add(app);
        return app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IStartupFilter>(new ConnectionFrom(IPAddress.Parse(connectingFrom)))));
    }

    private static HttpClient Visitor(WebApplicationFactory<Program> app, string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://prep.example.org") });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    private static async Task<bool> SendsHstsAsync(HttpClient client) =>
        (await client.GetAsync(new Uri("/", UriKind.Relative))).Headers.Contains("Strict-Transport-Security");

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client) =>
        (await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string?> { ["Input.Email"] = "x@example.com", ["Input.Password"] = "wrong wrong wrong" })).StatusCode;

    [Theory]
    [InlineData(null, "127.0.0.1")] // nothing configured, even from loopback
    [InlineData(Proxy, Proxy)] // a known proxy, but ReverseProxy:Enabled is not set
    public async Task UnlessEnabledForwardedHeadersAreIgnored(string? knownProxy, string connectingFrom)
    {
        var app = App(knownProxy is null ? [] : new() { ["ReverseProxy:KnownProxies:0"] = knownProxy }, connectingFrom);
        var alice = Visitor(app, "203.0.113.5");
        var bob = Visitor(app, "203.0.113.6");

        Assert.False(await SendsHstsAsync(alice));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(alice));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(bob)); // one bucket: the proxy's
    }

    [Fact]
    public async Task BehindAKnownProxyTheVisitorsSchemeAndAddressCount()
    {
        var app = App(new() { ["ReverseProxy:Enabled"] = "true", ["ReverseProxy:KnownProxies:0"] = Proxy }, connectingFrom: Proxy);
        var alice = Visitor(app, "203.0.113.5");
        var bob = Visitor(app, "203.0.113.6");
        var plain = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://prep.example.org") });

        Assert.True(await SendsHstsAsync(alice));
        Assert.False(await SendsHstsAsync(plain));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(alice));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(alice));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(bob));
    }

    [Theory]
    [InlineData("ReverseProxy:KnownProxies:0", "10.9.8.99")]
    [InlineData("ReverseProxy:KnownNetworks:0", "10.9.9.0/24")]
    public async Task AnUnknownProxyIsNotBelieved(string key, string value)
    {
        var app = App(new() { ["ReverseProxy:Enabled"] = "true", [key] = value }, connectingFrom: Proxy);
        var alice = Visitor(app, "203.0.113.5");
        var bob = Visitor(app, "203.0.113.6");

        Assert.False(await SendsHstsAsync(alice));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(alice));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(bob));
    }

    [Fact]
    public async Task AKnownNetworkIsBelieved()
    {
        var app = App(new() { ["ReverseProxy:Enabled"] = "true", ["ReverseProxy:KnownNetworks:0"] = "10.9.8.0/24" }, connectingFrom: Proxy);

        Assert.True(await SendsHstsAsync(Visitor(app, "203.0.113.5")));
    }

    /// <summary>TestServer has no remote address; this gives every request the one a proxy's connection would have.</summary>
    private sealed class ConnectionFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
