using InterviewPrep.Web.Infrastructure;

namespace InterviewPrep.Tests.Security;

public sealed class ProxyAddressSettings
{
    [Theory]
    [InlineData("10.9.8.7", true)]
    [InlineData("::1", true)]
    [InlineData("2001:db8::7", true)]
    [InlineData("10", false)] // the parser's shorthand for 0.0.0.10
    [InlineData("10.1", false)] // 10.0.0.1
    [InlineData("10.1.2", false)] // 10.1.0.2
    [InlineData("10.0.0.300", false)]
    [InlineData("proxy.local", false)]
    public void OnlyAWholeAddressIsAProxyAddress(string text, bool whole) =>
        Assert.Equal(whole, ReverseProxyOptionsValidation.IsWholeAddress(text));

    [Fact]
    public void AShorthandProxyOrNetworkIsNamedAsWrong()
    {
        var options = new ReverseProxyOptions();
        options.KnownProxies.Add("10");
        options.KnownNetworks.Add("10/8");
        options.KnownNetworks.Add("10.0.0.0/8");

        var result = new ReverseProxyOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            ["ReverseProxy:KnownProxies has '10', which is not an IP address.", "ReverseProxy:KnownNetworks has '10/8', which is not a network such as 10.0.0.0/8."],
            result.Failures);
    }
}
