namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>Registers flashcards: the library of cards and decks, and import and export. (Every page of the feature carries [Authorize]: flashcards are per user.)</summary>
public static class FlashcardServices
{
    public static WebApplicationBuilder AddFlashcards(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BankCatalog>();
        builder.Services.AddSingleton<FlashcardQueries>();
        builder.Services.AddScoped<FlashcardLibrary>();
        builder.Services.AddScoped<DeckTransfer>();
        return builder;
    }
}
