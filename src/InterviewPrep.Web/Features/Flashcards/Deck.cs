using System.Globalization;

namespace InterviewPrep.Web.Features.Flashcards;

public enum DeckKind
{
    All,
    Category,
    Tag,
    Interview,
    Own,

    /// <summary>A mock round's grades: in the review log only, never a deck to study.</summary>
    Mock,
}

/// <summary>
/// Which cards to study, as written in the URL: <c>all</c>, <c>category:{slug}</c>, <c>tag:{slug}</c>,
/// <c>interview:{id}</c> (its prep checklist) or <c>own</c> (the user's own cards). A grade given by scoring an answer
/// of a mock round is logged with <c>mock:{round id}</c>, which names no deck to study.
/// </summary>
public sealed record Deck(DeckKind Kind, string? Slug = null, int? InterviewId = null, int? RoundId = null)
{
    public const string MockPrefix = "mock:";

    public static Deck All { get; } = new(DeckKind.All);
    public static Deck Own { get; } = new(DeckKind.Own);

    public static Deck Category(string slug) => new(DeckKind.Category, slug);
    public static Deck Tag(string slug) => new(DeckKind.Tag, slug);
    public static Deck Interview(int id) => new(DeckKind.Interview, null, id);
    public static Deck Mock(int roundId) => new(DeckKind.Mock, RoundId: roundId);

    /// <summary>The deck a URL value names, <see cref="All"/> when empty, null when it names nothing we know.</summary>
    public static Deck? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value == "all")
        {
            return All;
        }
        if (value == "own")
        {
            return Own;
        }
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1 || value.Length > 80)
        {
            return null;
        }
        var (kind, rest) = (value[..colon], value[(colon + 1)..]);
        return kind switch
        {
            "category" when IsSlug(rest) => Category(rest),
            "tag" when IsSlug(rest) => Tag(rest),
            "interview" when int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 => Interview(id),
            _ => null,
        };
    }

    /// <summary>The value for the URL and the review log.</summary>
    public string Value => Kind switch
    {
        DeckKind.All => "all",
        DeckKind.Own => "own",
        DeckKind.Category => $"category:{Slug}",
        DeckKind.Tag => $"tag:{Slug}",
        DeckKind.Mock => string.Create(CultureInfo.InvariantCulture, $"{MockPrefix}{RoundId}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"interview:{InterviewId}"),
    };

    public override string ToString() => Value;

    private static bool IsSlug(string value) => value.Length <= 60 && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
