namespace InterviewPrep.Web.Features.Interviews;

/// <summary>Registers the interview tracker.</summary>
public static class InterviewServices
{
    public static WebApplicationBuilder AddInterviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<InterviewCalendar>();
        return builder;
    }
}
