namespace InterviewPrep.Web.Features.Account;

/// <summary>Whether new accounts can be created; a hosted instance can close sign-up.</summary>
public sealed class RegistrationOptions
{
    public const string Section = "Registration";

    public bool Enabled { get; set; } = true;
}
