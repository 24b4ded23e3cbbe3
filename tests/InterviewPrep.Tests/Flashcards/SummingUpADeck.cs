using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using InterviewPrep.Web.Features.Questions;

namespace InterviewPrep.Tests.Flashcards;

/// <summary>
/// The review page picks from <see cref="StudyMaterial.Summary"/> (cards with a row, never-shown questions only
/// counted); stats and cram walk the full <see cref="StudyMaterial.Queue"/>. Both must give the same next card and counts.
/// </summary>
public sealed class SummingUpADeck
{
    private static readonly DateTime Now = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime EndOfDay = new(2026, 3, 10, 23, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Categories = ["theory", "coding", "systems"];
    private static readonly string[] TagWords = ["loss", "trees", "gpu", "ranking"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void TheSummaryPicksTheSameCardWithTheSameCountsAsTheFullQueue(int seed)
    {
        var random = new Random(seed);
        var material = RandomMaterial(random);
        Deck[] decks = [Deck.All, Deck.Own, Deck.Category("coding"), Deck.Tag("gpu"), Deck.Interview(7)];
        foreach (var deck in decks)
        {
            foreach (var limits in new StudyLimits[] { new(20, 200, 0, 0), new(3, 5, 1, 2), new(0, 200, 0, 0), new(10_000, 10_000, 0, 0) })
            {
                var full = ReviewOrder.Next(material.Queue(deck), limits, Now, EndOfDay);
                var summed = ReviewOrder.Next(material.Summary(deck), limits, Now, EndOfDay);

                Assert.Equal(full, summed);
            }
            Assert.Equal(material.QueueFor(deck).Count, material.Summary(deck).Count);
        }
    }

    [Fact]
    public void AQuestionNeverShownIsCountedNotListedAndARetiredOneIsLeftOut()
    {
        var material = Material(
            [Question(1), Question(2, retired: true), Question(3)],
            [new CardHead(10, 3, "", CardState.Review, Now.AddHours(-1), false, null)]);

        var summary = material.Summary(Deck.All);

        Assert.Equal(1, summary.UnseenCount);
        Assert.Equal(1, summary.FirstUnseen!.QuestionId);
        Assert.Equal([10], summary.Cards.Select(c => c.FlashcardId));
    }

    private static StudyMaterial RandomMaterial(Random random)
    {
        var bank = Enumerable.Range(1, 300).Select(id => Question(id, Categories[random.Next(Categories.Length)],
            random.NextDouble() < 0.05, [.. TagWords.Where(_ => random.NextDouble() < 0.3)])).ToList();
        var heads = new List<CardHead>();
        var cardId = 1;
        foreach (var question in bank.Where(_ => random.NextDouble() < 0.3))
        {
            var state = (CardState)random.Next(4);
            heads.Add(new CardHead(cardId++, question.Id, "", state, Now.AddMinutes(random.Next(-3000, 3000)),
                random.NextDouble() < 0.05, random.NextDouble() < 0.05 ? EndOfDay : null));
        }
        for (var i = 0; i < 15; i++)
        {
            heads.Add(new CardHead(cardId++, null, random.NextDouble() < 0.5 ? "gpu notes" : "misc", (CardState)random.Next(4),
                Now.AddMinutes(random.Next(-3000, 3000)), false, null));
        }
        var prep = new InterviewDeck(7, "Acme", "ML engineer", EndOfDay.AddDays(3), [bank[0].CategoryId], [.. bank.Take(40).Select(q => q.Id)]);
        return Material(bank, [.. heads.OrderBy(h => h.Id)], prep);
    }

    private static BankQuestion Question(int id, string category = "theory", bool retired = false, IReadOnlyList<string>? tags = null) =>
        new(id, $"q-{id}", $"Question {id}", Array.IndexOf(Categories, category) + 1, category, category, 1, Difficulty.Medium, retired, tags ?? []);

    private static StudyMaterial Material(IReadOnlyList<BankQuestion> bank, IReadOnlyList<CardHead> heads, InterviewDeck? prep = null) => new()
    {
        Bank = bank,
        BankById = bank.ToDictionary(q => q.Id),
        Heads = heads,
        Interviews = prep is null ? [] : [prep],
    };
}
