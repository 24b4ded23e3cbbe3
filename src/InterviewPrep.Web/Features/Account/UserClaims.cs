using System.Security.Claims;

namespace InterviewPrep.Web.Features.Account;

/// <summary>Reads the signed-in user's id from the authentication cookie's claims.</summary>
public static class UserClaims
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
}
