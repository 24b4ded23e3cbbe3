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

    /// <summary>A few bank questions named by id, such as the weakest answers of a mock round.</summary>
    Questions,
}

/// <summary>
/// Which cards to study, as written in the URL: <c>all</c>, <c>category:{slug}</c>, <c>tag:{slug}</c>,
/// <c>interview:{id}</c> (its prep checklist), <c>own</c> (the user's own cards) or <c>questions:{id}.{id}...</c> (a few
/// bank questions, at most <see cref="MaxQuestions"/>). A grade given by scoring an answer of a mock round is logged with
/// <c>mock:{round id}</c>, which names no deck to study.
/// </summary>
public sealed record Deck(DeckKind Kind, string? Slug = null, int? InterviewId = null, int? RoundId = null)
{
    public const string MockPrefix = "mock:";

    /// <summary>The most questions a <c>questions:</c> deck names: its value must fit the review log's deck column.</summary>
    public const int MaxQuestions = 8;

    /// <summary>The questions of a <see cref="DeckKind.Questions"/> deck, in the order given.</summary>
    public IReadOnlyList<int> QuestionIds { get; init; } = [];

    public static Deck All { get; } = new(DeckKind.All);
    public static Deck Own { get; } = new(DeckKind.Own);

    public static Deck Category(string slug) => new(DeckKind.Category, slug);
    public static Deck Tag(string slug) => new(DeckKind.Tag, slug);
    public static Deck Interview(int id) => new(DeckKind.Interview, null, id);
    public static Deck Mock(int roundId) => new(DeckKind.Mock, RoundId: roundId);
    public static Deck Questions(IEnumerable<int> ids) => new(DeckKind.Questions) { QuestionIds = [.. ids.Distinct().Take(MaxQuestions)] };

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
            "questions" => ParseQuestions(rest),
            _ => null,
        };
    }

    private static Deck? ParseQuestions(string ids)
    {
        var parts = ids.Split('.');
        var parsed = new List<int>(parts.Length);
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0 || parsed.Contains(id))
            {
                return null;
            }
            parsed.Add(id);
        }
        return parsed.Count is > 0 and <= MaxQuestions ? Questions(parsed) : null;
    }

    /// <summary>The value for the URL and the review log.</summary>
    public string Value => Kind switch
    {
        DeckKind.All => "all",
        DeckKind.Own => "own",
        DeckKind.Category => $"category:{Slug}",
        DeckKind.Tag => $"tag:{Slug}",
        DeckKind.Mock => string.Create(CultureInfo.InvariantCulture, $"{MockPrefix}{RoundId}"),
        DeckKind.Questions => "questions:" + string.Join('.', QuestionIds.Select(id => id.ToString(CultureInfo.InvariantCulture))),
        _ => string.Create(CultureInfo.InvariantCulture, $"interview:{InterviewId}"),
    };

    public override string ToString() => Value;

    private static bool IsSlug(string value) => value.Length <= 60 && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
