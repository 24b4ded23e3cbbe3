namespace InterviewPrep.Web.Features.Flashcards.Scheduling;

/// <summary>Where a card is in its life: never seen, in its first steps, in long-term review, or relearning after a lapse.</summary>
public enum CardState
{
    New = 0,
    Learning = 1,
    Review = 2,
    Relearning = 3,
}
