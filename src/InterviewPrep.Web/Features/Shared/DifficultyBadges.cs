using InterviewPrep.Web.Features.Questions;
using Microsoft.AspNetCore.Html;

namespace InterviewPrep.Web.Features.Shared;

/// <summary>
/// A question's difficulty as a small coloured label (the word carries the meaning, colour only supports it): the one
/// markup of the question page, the cards, the review card and <c>DifficultyBadge</c>, made once per difficulty. The pages
/// write it as a string rather than through the component: the first component tag of a request builds a component
/// renderer for it, about a tenth of an uncached question page's CPU.
/// </summary>
public static class DifficultyBadges
{
    private static readonly HtmlString Easy = Make(Difficulty.Easy), Medium = Make(Difficulty.Medium), Hard = Make(Difficulty.Hard);

    public static HtmlString Html(Difficulty difficulty) => difficulty switch
    {
        Difficulty.Easy => Easy,
        Difficulty.Medium => Medium,
        Difficulty.Hard => Hard,
        _ => Make(difficulty),
    };

    private static HtmlString Make(Difficulty difficulty)
    {
        var name = System.Net.WebUtility.HtmlEncode(difficulty.ToString());
        return new HtmlString($"<span class=\"badge badge-{name.ToLowerInvariant()}\">{name}</span>");
    }
}
