using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DifficultyLevel = InterviewPrep.Web.Features.Questions.Difficulty;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>The question list: filters, paging, and full-text search with highlighted snippets.</summary>
public sealed class IndexModel(AppDbContext db, QuestionList list, FilterChoices choices, QuestionPrep prep) : PageModel
{
    public sealed record Choice(string Value, string Label);

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Difficulty { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }

    /// <summary>A signed-in user's filter by the state of their card of each question (<see cref="Standings.Choices"/>).</summary>
    [BindProperty(SupportsGet = true)] public string? Mine { get; set; }

    /// <summary>The signed-in user's cards' standings; null for a visitor.</summary>
    public Standings? Standings { get; private set; }

    public QuestionPage Result { get; private set; } = null!;
    /// <summary>The category filter's options: written once per import when none is chosen.</summary>
    public IHtmlContent CategoryOptions => Category is null ? _choices.CategoryOptions : FilterChoices.Options(_choices.Categories, Category);

    /// <summary>The tag filter's options: written once per import when none is chosen.</summary>
    public IHtmlContent TagOptions => Tag is null ? _choices.TagOptions : FilterChoices.Options(_choices.Tags, Tag);

    private FilterChoices.Snapshot _choices = null!;

    public static IReadOnlyList<Choice> Difficulties { get; } = [new("easy", "Easy"), new("medium", "Medium"), new("hard", "Hard")];

    /// <summary>Filter values that were not recognised, so the page can say it ignored them.</summary>
    public List<string> Ignored { get; } = [];

    /// <summary>Whether the box holds a word to search for: read several times by the page, worked out once.</summary>
    public bool IsSearch => _isSearch ??= QuestionSearchIndex.Words(Query).Count > 0;

    private bool? _isSearch;

    public bool IsFiltered => IsSearch || Category is not null || Difficulty is not null || Tag is not null || Mine is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        _choices = await choices.GetAsync(db, ct);

        Category = Known(Category, _choices.Categories, "category");
        Tag = Known(Tag, _choices.Tags, "tag");
        Difficulty = Known(Difficulty?.ToLowerInvariant(), Difficulties, "difficulty");
        DifficultyLevel? difficulty = InterviewPrep.Web.Features.Content.ContentParser.TryParseDifficulty(Difficulty, out var level) ? level : null;
        // "page" is a route value of Razor Pages itself, so the query string is read directly.
        var page = int.TryParse(Request.Query["page"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 1;
        Query = Query?.Length > 200 ? Query[..200] : Query;

        Func<int, bool>? includes = null;
        if (User.Identity?.IsAuthenticated == true)
        {
            var standings = Standings = await prep.StandingsAsync(User.UserId(), ct);
            Mine = Known(Mine, [.. Standings.Choices.Select(c => new Choice(c.Value, c.Label))], "card state");
            if (Standings.Choices.FirstOrDefault(c => c.Value == Mine) is { Value: not null } wanted)
            {
                includes = id => standings.Of(id) == wanted.Standing;
            }
        }
        else
        {
            Mine = null; // a visitor has no cards: the page is the same as without it (and output-cached as such)
        }

        Result = await list.GetAsync(Query, new QuestionFilter(Category, difficulty, Tag, includes), page, ct);
    }

    /// <summary>The URL of this list with one value changed, keeping the others.</summary>
    public string ListUrl(int? page = null, string? category = "\0", string? difficulty = "\0", string? tag = "\0", string? mine = "\0")
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = string.IsNullOrWhiteSpace(Query) ? null : Query,
            ["category"] = category == "\0" ? Category : category,
            ["difficulty"] = difficulty == "\0" ? Difficulty : difficulty,
            ["tag"] = tag == "\0" ? Tag : tag,
            ["mine"] = mine == "\0" ? Mine : mine,
            ["page"] = page is null or 1 ? null : page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/questions", values.Where(v => v.Value is not null));
    }

    private string? Known(string? value, IReadOnlyList<Choice> options, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (options.Any(o => o.Value == value))
        {
            return value;
        }
        Ignored.Add($"{name} “{(value.Length > 40 ? value[..40] + "…" : value)}”");
        return null;
    }
}
