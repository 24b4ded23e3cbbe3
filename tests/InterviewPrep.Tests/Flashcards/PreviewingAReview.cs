using InterviewPrep.Web.Features.Flashcards.Scheduling;

namespace InterviewPrep.Tests.Flashcards;

public sealed class PreviewingAReview
{
    private static readonly DateTimeOffset Start = new(2025, 1, 10, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Cards => ["new", "learning", "review", "relearning", "review, overdue"];

    [Theory]
    [MemberData(nameof(Cards))]
    public void GivesWhatReviewingWithEachGradeGives(string which)
    {
        foreach (var fuzz in new[] { false, true })
        {
            var scheduler = new FsrsScheduler(FsrsParameters.Default with { EnableFuzz = fuzz });
            var (card, now) = CardIn(scheduler, which);

            var preview = scheduler.Preview(card, now);

            Assert.Equal(Enum.GetValues<Grade>(), preview.Keys.Order());
            foreach (var grade in Enum.GetValues<Grade>())
            {
                Assert.Equal(scheduler.Review(card, grade, now), preview[grade]);
            }
        }
    }

    [Fact]
    public void ALongerIntervalForEachEasierGradeOfAReviewCard()
    {
        var scheduler = new FsrsScheduler();
        var (card, now) = CardIn(scheduler, "review");

        var preview = scheduler.Preview(card, now);

        Assert.True(preview[Grade.Again].Due < preview[Grade.Hard].Due);
        Assert.True(preview[Grade.Hard].Due < preview[Grade.Good].Due);
        Assert.True(preview[Grade.Good].Due < preview[Grade.Easy].Due);
    }

    private static (CardMemory Card, DateTimeOffset Now) CardIn(FsrsScheduler scheduler, string which)
    {
        var card = CardMemory.New(Start);
        switch (which)
        {
            case "new":
                return (card, Start);
            case "learning":
                card = scheduler.Review(card, Grade.Good, Start);
                return (card, card.Due);
            case "review":
                card = scheduler.Review(card, Grade.Easy, Start);
                card = scheduler.Review(card, Grade.Good, card.Due);
                return (card, card.Due);
            case "relearning":
                card = scheduler.Review(card, Grade.Easy, Start);
                card = scheduler.Review(card, Grade.Again, card.Due);
                return (card, card.Due);
            default:
                card = scheduler.Review(card, Grade.Easy, Start);
                return (card, card.Due.AddDays(40));
        }
    }
}
