using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InterviewPrep.Tests.Support;

/// <summary>Creates signed-in users through the real registration form.</summary>
public static class Users
{
    public const string Password = "correct horse battery";

    public static async Task<HttpClient> SignedInClientAsync(this AppFactory app, string? email = null, string timeZone = "Europe/Berlin")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.SubmitAsync("/Identity/Account/Register", new Dictionary<string, string?>
        {
            ["Input.Email"] = email ?? $"user-{Guid.NewGuid():N}@example.com",
            ["Input.Password"] = Password,
            ["Input.TimeZoneId"] = timeZone,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Registration failed: {response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }
        return client;
    }

    public static string Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString ?? "";
}
