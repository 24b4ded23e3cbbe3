using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Flashcards.Scheduling;

namespace InterviewPrep.Tests.Flashcards;

public sealed class PickingTheNextCard
{
    private static readonly DateTime Now = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime EndOfDay = new(2026, 3, 10, 23, 0, 0, DateTimeKind.Utc);

    private static QueueCard Fresh(int question) => new(null, question, CardState.New, DateTime.MinValue, NewOrder: question);

    private static QueueCard Review(int id, DateTime due) => new(id, 1000 + id, CardState.Review, due, NewOrder: 1000 + id);

    private static StudyLimits Limits(int newPerDay = 20, int reviews = 200, int newDone = 0, int reviewsDone = 0) => new(newPerDay, reviews, newDone, reviewsDone);

    [Fact]
    public void NewCardsStopAtTheDailyLimitLessThoseAlreadyStartedToday()
    {
        var cards = Enumerable.Range(1, 30).Select(Fresh).ToList();

        var result = ReviewOrder.Next(cards, Limits(newPerDay: 20, newDone: 18), Now, EndOfDay);

        Assert.Equal(2, result.NewCount);
        Assert.Equal(1, result.Next!.QuestionId);
        Assert.Null(ReviewOrder.Next(cards, Limits(newPerDay: 20, newDone: 20), Now, EndOfDay).Next);
    }

    [Fact]
    public void NewCardsGivenOutOfOrderComeInDeckOrder()
    {
        List<QueueCard> cards = [Fresh(7), Fresh(3), Fresh(9), Fresh(1), Fresh(5)];

        var result = ReviewOrder.Next(cards, Limits(newPerDay: 2), Now, EndOfDay);

        Assert.Equal((2, 1), (result.NewCount, result.Next!.QuestionId));
    }

    [Fact]
    public void ReviewsStopAtTheDailyLimit()
    {
        var cards = Enumerable.Range(1, 10).Select(i => Review(i, Now.AddHours(-i))).ToList();

        var result = ReviewOrder.Next(cards, Limits(reviews: 5, reviewsDone: 2), Now, EndOfDay);

        Assert.Equal(3, result.DueCount);
        Assert.Equal(10, result.Next!.FlashcardId); // the most overdue first
        Assert.Null(ReviewOrder.Next(cards, Limits(newPerDay: 0, reviews: 5, reviewsDone: 5), Now, EndOfDay).Next);
    }

    [Fact]
    public void ADueLearningCardComesBeforeEverythingElse()
    {
        var learning = new QueueCard(7, 7, CardState.Learning, Now.AddMinutes(-1));
        var cards = new[] { Review(1, Now.AddDays(-3)), Fresh(2), learning };

        Assert.Equal(7, ReviewOrder.Next(cards, Limits(), Now, EndOfDay).Next!.FlashcardId);
    }

    [Fact]
    public void NewCardsAreMixedIntoTheReviewsSoBothRunOutTogether()
    {
        // 10 reviews and 5 new cards: every third card is new.
        var cards = Enumerable.Range(1, 10).Select(i => Review(i, Now.AddDays(-1))).Concat(Enumerable.Range(1, 5).Select(Fresh)).ToList();
        var picks = Enumerable.Range(0, 6)
            .Select(done => ReviewOrder.Next(cards, Limits(reviewsDone: done), Now, EndOfDay).Next!.State)
            .ToList();

        Assert.Equal([CardState.Review, CardState.Review, CardState.New, CardState.Review, CardState.Review, CardState.New], picks);
    }

    [Fact]
    public void SuspendedBuriedAndNotYetDueCardsWait()
    {
        var cards = new[]
        {
            Review(1, Now.AddDays(-1)) with { IsSuspended = true },
            Review(2, Now.AddDays(-1)) with { BuriedUntilUtc = EndOfDay },
            Review(3, EndOfDay.AddHours(2)),
        };

        var result = ReviewOrder.Next(cards, Limits(), Now, EndOfDay);

        Assert.Null(result.Next);
        Assert.Equal(0, result.DueCount);
        Assert.Equal(EndOfDay.AddHours(2), result.NextDueUtc); // the buried card waits for tomorrow, so this one is next
    }

    [Fact]
    public void ABuriedCardComesBackTheNextDay()
    {
        var buried = Review(2, Now.AddDays(-1)) with { BuriedUntilUtc = EndOfDay };

        Assert.Equal(2, ReviewOrder.Next([buried], Limits(), EndOfDay.AddMinutes(1), EndOfDay.AddDays(1)).Next!.FlashcardId);
    }

    [Fact]
    public void ARetiredQuestionIsNotStartedButAStartedOneKeepsItsSchedule()
    {
        var cards = new[] { Fresh(1) with { IsRetired = true }, Review(2, Now.AddDays(-1)) with { IsRetired = true } };

        var result = ReviewOrder.Next(cards, Limits(), Now, EndOfDay);

        Assert.Equal(0, result.NewCount);
        Assert.Equal(2, result.Next!.FlashcardId);
    }

    [Fact]
    public void WithNothingElseLeftALearningCardDueWithin20MinutesIsShownEarly()
    {
        var soon = new QueueCard(5, 5, CardState.Learning, Now.AddMinutes(10));
        var later = new QueueCard(6, 6, CardState.Relearning, Now.AddMinutes(30));

        Assert.Equal(5, ReviewOrder.Next([soon, later], Limits(), Now, EndOfDay).Next!.FlashcardId);
        var none = ReviewOrder.Next([later], Limits(), Now, EndOfDay);
        Assert.Null(none.Next);
        Assert.Equal(Now.AddMinutes(30), none.NextDueUtc);
        Assert.Equal(1, none.LearningCount);
    }

    [Fact]
    public void AnInterviewCutOffBringsCardsDueBeforeIt()
    {
        var interview = Now.AddDays(3);
        var cards = new[] { Review(1, Now.AddDays(2)), Review(2, Now.AddDays(5)) };

        Assert.Equal(0, ReviewOrder.Next(cards, Limits(), Now, EndOfDay).DueCount);
        var result = ReviewOrder.Next(cards, Limits(), Now, interview);
        Assert.Equal(1, result.DueCount);
        Assert.Equal(1, result.Next!.FlashcardId);
    }
}

public sealed class MarkingLeeches
{
    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    [InlineData(9, false)]
    [InlineData(12, true)]
    [InlineData(16, true)]
    public void ACardIsALeechAt8LapsesAndAgainEvery4(int lapses, bool leech) =>
        Assert.Equal(leech, FlashcardLibrary.IsLeechCount(lapses));
}

public sealed class ReadingDecks
{
    [Theory]
    [InlineData(null, "all")]
    [InlineData("", "all")]
    [InlineData("own", "own")]
    [InlineData("category:theory", "category:theory")]
    [InlineData("tag:model-evaluation", "tag:model-evaluation")]
    [InlineData("interview:12", "interview:12")]
    [InlineData("questions:7", "questions:7")]
    [InlineData("questions:12.3.45", "questions:12.3.45")]
    public void AKnownDeckRoundTrips(string? value, string expected) => Assert.Equal(expected, Deck.Parse(value)!.Value);

    [Theory]
    [InlineData("bogus")]
    [InlineData("category:")]
    [InlineData("category:Theory")]
    [InlineData("tag:<script>")]
    [InlineData("interview:-1")]
    [InlineData("interview:abc")]
    [InlineData("questions:")]
    [InlineData("questions:1..2")]
    [InlineData("questions:1.1")]
    [InlineData("questions:0")]
    [InlineData("questions:1.2.3.4.5.6.7.8.9")]
    [InlineData("mock:3")]
    public void AnythingElseIsNoDeck(string value) => Assert.Null(Deck.Parse(value));
}

public sealed class LabellingIntervals
{
    [Theory]
    [InlineData(30, "<1 min")]
    [InlineData(60, "1 min")]
    [InlineData(600, "10 min")]
    [InlineData(3 * 3600, "3 hours")]
    [InlineData(86400, "1 day")]
    [InlineData(8 * 86400, "8 days")]
    [InlineData(45 * 86400, "1.5 months")]
    [InlineData(800 * 86400, "2.2 years")]
    public void SaysHowLongInShortWords(int seconds, string label) => Assert.Equal(label, IntervalLabel.Format(TimeSpan.FromSeconds(seconds)));
}
