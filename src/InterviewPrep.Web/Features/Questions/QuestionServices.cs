namespace InterviewPrep.Web.Features.Questions;

/// <summary>Registers question browsing and search.</summary>
public static class QuestionServices
{
    public static WebApplicationBuilder AddQuestions(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<QuestionList>();
        builder.Services.AddScoped<QuestionPrep>();
        builder.Services.AddSingleton<FilterChoices>();
        builder.Services.AddSingleton<WordIndexCache>();
        builder.Services.AddHostedService<WordIndexWarmUp>();
        return builder;
    }
}
