using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace InterviewPrep.Web.Features.Account;

/// <summary>
/// Refuses passwords from the top of leaked-password lists (NIST SP 800-63B): length is the only
/// composition rule, so the obvious long passwords must be caught by name.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly HashSet<string> Common = Load();

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && Common.Contains(password.Trim().ToLowerInvariant())
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "This password is one of the most common ones; choose one that is harder to guess." })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("InterviewPrep.Web.Features.Account.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }
        return words;
    }
}
