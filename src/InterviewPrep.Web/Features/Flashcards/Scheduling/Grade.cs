namespace InterviewPrep.Web.Features.Flashcards.Scheduling;

/// <summary>How well the learner recalled a card: the four answer buttons.</summary>
public enum Grade
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}
