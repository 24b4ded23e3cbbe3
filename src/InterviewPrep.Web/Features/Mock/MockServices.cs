namespace InterviewPrep.Web.Features.Mock;

/// <summary>Registers mock interview rounds. (Every page of the feature needs a sign-in: rounds are per user.)</summary>
public static class MockServices
{
    public static WebApplicationBuilder AddMock(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MockRounds>();
        return builder;
    }
}
