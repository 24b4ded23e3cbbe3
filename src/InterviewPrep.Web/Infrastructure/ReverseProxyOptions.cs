using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Infrastructure;

/// <summary>
/// Whether the app runs behind a reverse proxy that terminates TLS. When enabled, X-Forwarded-For and
/// X-Forwarded-Proto from a trusted proxy (loopback, or one listed here) give the visitor's address and scheme,
/// so that rate limits count per visitor and HSTS is sent to visitors on HTTPS.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    public bool Enabled { get; set; }

    /// <summary>Addresses of proxies, besides loopback, whose forwarded headers are believed.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks (CIDR, such as 10.0.0.0/8) of proxies whose forwarded headers are believed.</summary>
    public IList<string> KnownNetworks { get; } = [];

    public ForwardedHeadersOptions ToForwardedHeaders()
    {
        // Loopback stays trusted (ASP.NET Core's default): a proxy on the same host is the common case.
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
        return options;
    }
}

/// <summary>Refuses to start with a proxy address or network that does not parse, naming it.</summary>
internal sealed class ReverseProxyOptionsValidation : IValidateOptions<ReverseProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ReverseProxyOptions options)
    {
        var problems = options.KnownProxies.Where(p => !IsWholeAddress(p))
            .Select(p => $"{ReverseProxyOptions.Section}:KnownProxies has '{p}', which is not an IP address.")
            .Concat(options.KnownNetworks.Where(n => !IsWholeAddress(n.Split('/')[0]) || !System.Net.IPNetwork.TryParse(n, out _))
                .Select(n => $"{ReverseProxyOptions.Section}:KnownNetworks has '{n}', which is not a network such as 10.0.0.0/8."))
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>
    /// An IPv6 address, or an IPv4 address written with all four parts: the parser also takes the old shorthand, in which
    /// "10" is 0.0.0.10 and "10.1" is 10.0.0.1, which is never what a setting meant.
    /// </summary>
    internal static bool IsWholeAddress(string text) =>
        IPAddress.TryParse(text, out var address)
        && (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || text.Count(c => c == '.') == 3);
}
