using System.Net;
using InterviewPrep.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InterviewPrep.Tests.Account;

public sealed class AccountFixture : IDisposable
{
    public TestContent Content { get; } = TestContent.Sample();
    public AppFactory App { get; }

    public AccountFixture() => App = new AppFactory(Content);

    public void Dispose()
    {
        App.Dispose();
        Content.Dispose();
    }
}

public sealed class SigningUpAndIn(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    private readonly AppFactory _app = fixture.App;

    private HttpClient Anonymous() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task ANewUserRegistersIsSignedInAndCanSignOutAndBackIn()
    {
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        var client = await _app.SignedInClientAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/interviews", UriKind.Relative))).StatusCode);
        var home = await client.GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector(".site-account a[href='/account']"));

        var signedOut = await client.SubmitAsync("/", formSelector: ".site-account form");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var blocked = await client.GetAsync(new Uri("/interviews", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.StartsWith("http://localhost/Identity/Account/Login?ReturnUrl=%2Finterviews", blocked.Location(), StringComparison.Ordinal);

        var signedIn = await client.SubmitAsync("/Identity/Account/Login?returnUrl=%2Fpractice", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Users.Password,
        });
        Assert.Equal("/practice", signedIn.Location());
    }

    [Theory]
    [InlineData("/interviews")]
    [InlineData("/interviews/new")]
    [InlineData("/practice")]
    [InlineData("/practice/new")]
    [InlineData("/account")]
    [InlineData("/account/export")]
    [InlineData("/account/delete")]
    public async Task TrackingPagesSendAnonymousVisitorsToSignIn(string url)
    {
        var response = await Anonymous().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARegistrationWithProblemsShowsEachBesideItsFieldAndKeepsTheEmail()
    {
        var response = await Anonymous().SubmitAsync("/Identity/Account/Register", new Dictionary<string, string?>
        {
            ["Input.Email"] = "not-an-email",
            ["Input.Password"] = "short",
            ["Input.TimeZoneId"] = "Mars/Olympus_Mons",
        });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Enter an e-mail address such as name@example.com.", page.FieldError("Input.Email")!.TextContent);
        Assert.Contains("8 to 128 characters", page.FieldError("Input.Password")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Choose a time zone from the list.", page.FieldError("Input.TimeZoneId")!.TextContent);
        Assert.Equal("not-an-email", page.QuerySelector("#Input_Email")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ACommonPasswordIsRefusedThoughLongEnough()
    {
        var response = await Anonymous().SubmitAsync("/Identity/Account/Register", new Dictionary<string, string?>
        {
            ["Input.Email"] = $"bob-{Guid.NewGuid():N}@example.com",
            ["Input.Password"] = "Password123",
            ["Input.TimeZoneId"] = "UTC",
        });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Contains("most common", page.FieldError("Input.Password")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondAccountWithTheSameEmailIsRefused()
    {
        var email = $"twice-{Guid.NewGuid():N}@example.com";
        await _app.SignedInClientAsync(email);

        var response = await Anonymous().SubmitAsync("/Identity/Account/Register", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Users.Password,
            ["Input.TimeZoneId"] = "UTC",
        });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Contains("already exists", page.FieldError("Input.Email")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccount()
    {
        var email = $"locked-{Guid.NewGuid():N}@example.com";
        await _app.SignedInClientAsync(email);
        var client = Anonymous();
        string? message = null;
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var response = await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = "wrong password " + attempt });
            message = (await Html.ParseAsync(await response.Content.ReadAsStringAsync())).QuerySelector(".form-errors")!.TextContent;
        }

        Assert.Contains("locked for 15 minutes", message, StringComparison.Ordinal);
        var right = await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = Users.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task APostWithoutAnAntiforgeryTokenIsRefused()
    {
        var response = await Anonymous().PostAsync(new Uri("/Identity/Account/Login", UriKind.Relative), new FormUrlEncodedContent(
            [new("Input.Email", "a@example.com"), new("Input.Password", "whatever whatever")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ThePasswordCanBeChanged()
    {
        var client = await _app.SignedInClientAsync();

        var wrong = await client.SubmitAsync("/Identity/Account/Manage/ChangePassword", new Dictionary<string, string?> { ["Input.CurrentPassword"] = "nope nope nope", ["Input.NewPassword"] = "a brand new phrase" });
        var right = await client.SubmitAsync("/Identity/Account/Manage/ChangePassword", new Dictionary<string, string?> { ["Input.CurrentPassword"] = Users.Password, ["Input.NewPassword"] = "a brand new phrase" });

        Assert.Equal("That is not your current password.", (await Html.ParseAsync(await wrong.Content.ReadAsStringAsync())).FieldError("Input.CurrentPassword")!.TextContent);
        Assert.Equal("/account", right.Location());
    }
}

public sealed class RateLimitingSignIn
{
    [Fact]
    public async Task TooManySignInPostsFromOneClientAnswer429WithRetryAfter()
    {
        using var content = TestContent.Sample();
        using var app = new AppFactory(content, new Dictionary<string, string> { ["RateLimiting:SignInPerMinute"] = "3" });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string?> { ["Input.Email"] = "x@example.com", ["Input.Password"] = "wrong wrong wrong" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Identity/Account/Login", UriKind.Relative))).StatusCode);
    }
}

public sealed class ClosingRegistration
{
    [Fact]
    public async Task AClosedInstanceShowsAMessageAndCreatesNoAccount()
    {
        using var content = TestContent.Sample();
        using var app = new AppFactory(content, new Dictionary<string, string> { ["Registration:Enabled"] = "false" });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await client.GetDocumentAsync("/Identity/Account/Register");
        Assert.Contains("closed on this instance", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form[method=post]"));
        var count = await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Users));
        Assert.Equal(0, count);
    }
}
