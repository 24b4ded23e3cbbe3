namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>What a deck is called on the page.</summary>
public static class DeckNames
{
    public static string Title(Deck deck, StudyMaterial material) => deck.Kind switch
    {
        DeckKind.All => "All cards",
        DeckKind.Own => "My own cards",
        DeckKind.Category => material.Bank.FirstOrDefault(q => q.CategorySlug == deck.Slug)?.CategoryTitle ?? deck.Slug!,
        DeckKind.Tag => $"Tag: {deck.Slug}",
        DeckKind.Questions => deck.QuestionIds.Count == 1 ? "One question" : $"{deck.QuestionIds.Count} questions",
        _ => material.Interviews.FirstOrDefault(i => i.Id == deck.InterviewId) is { } i ? $"{i.Company}: {i.Role}" : "Interview",
    };

    /// <summary>True when the deck names something the user has: a known category or tag, their own open interview.</summary>
    public static bool Exists(Deck deck, StudyMaterial material) => deck.Kind switch
    {
        DeckKind.Category => material.Bank.Any(q => q.CategorySlug == deck.Slug),
        DeckKind.Tag => material.Bank.Any(q => q.Tags.Contains(deck.Slug!)) || material.Heads.Any(c => c.Tags.Split(' ').Contains(deck.Slug)),
        DeckKind.Interview => material.Interviews.Any(i => i.Id == deck.InterviewId),
        DeckKind.Questions => deck.QuestionIds.All(material.BankById.ContainsKey),
        DeckKind.Mock => false,
        _ => true,
    };
}
