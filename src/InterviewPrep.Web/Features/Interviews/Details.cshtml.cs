using System.ComponentModel.DataAnnotations;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Questions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Interviews;

/// <summary>One interview: its details and countdown, the stage timeline, the prep checklist and the debrief.</summary>
public sealed class DetailsModel(AppDbContext db, DatabaseWrites writes, QuestionSearchIndex search, TimeProvider time) : PageModel
{
    public sealed record ChecklistRow(int Id, PrepItemKind Kind, string Text, string? Href, bool IsDone);

    public sealed record AskedRow(int Id, string Text, string? QuestionSlug, string? QuestionTitle);

    public Interview Interview { get; private set; } = null!;
    public IReadOnlyList<ChecklistRow> Checklist { get; private set; } = [];
    public IReadOnlyList<AskedRow> Asked { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Categories { get; private set; } = [];
    public IReadOnlyList<string> GuideQuestions { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    [BindProperty, StringLength(300, ErrorMessage = "Keep it under 300 characters.")]
    public string? Text { get; set; }

    [BindProperty] public int? CategoryId { get; set; }
    [BindProperty] public InterviewStage? Stage { get; set; }
    [TempData] public string? Message { get; set; }

    /// <summary>What a checklist action did, carried over its redirect to be shown in the checklist, where it happened.</summary>
    [TempData] public string? ChecklistMessage { get; set; }

    /// <summary>The confirmation the checklist shows.</summary>
    public string? ChecklistNotice { get; private set; }

    /// <summary>interviews.js asks for the checklist alone, to swap it in place of the one on the page.</summary>
    public const string FragmentHeader = "X-Interview-Fragment";

    private static readonly string[] ChecklistHandlers = ["Toggle", "Remove", "AddCategory", "AddQuestion", "AddAsk"];

    private string? PostedHandler => HttpMethods.IsPost(Request.Method) ? Request.Query["handler"].ToString() : null;

    /// <summary>Whether this is a post of one of the checklist's forms (its errors are shown beside the form, not above the page).</summary>
    public bool IsChecklistPost => ChecklistHandlers.Contains(PostedHandler);

    /// <summary>What was typed into a checklist form that was refused, to show it again.</summary>
    public string? TypedFor(string handler) => PostedHandler == handler && !ModelState.IsValid ? Text : null;

    /// <summary>Why a checklist form was refused, to show beside it.</summary>
    public string? ErrorFor(string handler) => PostedHandler == handler ? ModelState[nameof(Text)]?.Errors.FirstOrDefault()?.ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        ChecklistNotice = ChecklistMessage;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private bool IsFragmentRequest => Request.Headers.ContainsKey(FragmentHeader);

    public Task<IActionResult> OnPostStageAsync(int id, CancellationToken ct) => ChangeAsync(id, interview =>
    {
        if (Stage is not { } stage || !Enum.IsDefined(stage))
        {
            return "Choose a stage.";
        }
        if (stage != interview.Stage)
        {
            var now = time.GetUtcNow().UtcDateTime;
            interview.Stage = stage;
            interview.StageHistory.Add(new StageChange { Stage = stage, ChangedAtUtc = now });
            interview.Version++;
            interview.UpdatedAtUtc = now;
        }
        return null;
    }, ct);

    public Task<IActionResult> OnPostToggleAsync(int id, int itemId, CancellationToken ct) => ChangeAsync(id, interview =>
    {
        var item = interview.Checklist.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return "That checklist item is gone; it may have been removed in another tab.";
        }
        item.IsDone = !item.IsDone;
        ChecklistMessage = $"{(item.IsDone ? "Done" : "Not done yet")}: {item.Text}";
        return null;
    }, ct);

    public Task<IActionResult> OnPostRemoveAsync(int id, int itemId, CancellationToken ct) => ChangeAsync(id, interview =>
    {
        if (interview.Checklist.FirstOrDefault(i => i.Id == itemId) is { } item)
        {
            interview.Checklist.Remove(item);
            ChecklistMessage = $"Removed: {item.Text}";
        }
        return null;
    }, ct);

    public async Task<IActionResult> OnPostAddCategoryAsync(int id, CancellationToken ct)
    {
        var category = await db.Categories.Where(c => c.Id == CategoryId && !c.IsRetired).Select(c => new { c.Id, c.Title }).FirstOrDefaultAsync(ct);
        return await ChangeAsync(id, interview =>
        {
            if (category is null)
            {
                return "Choose a category to review.";
            }
            if (interview.Checklist.Any(i => i.CategoryId == category.Id))
            {
                return $"{category.Title} is already on the checklist.";
            }
            interview.Checklist.Add(new PrepItem { Kind = PrepItemKind.Category, CategoryId = category.Id, Text = category.Title, CreatedAtUtc = time.GetUtcNow().UtcDateTime });
            ChecklistMessage = $"Added {category.Title}.";
            return null;
        }, ct);
    }

    public async Task<IActionResult> OnPostAddQuestionAsync(int id, CancellationToken ct)
    {
        var match = await BestQuestionAsync(Text, ct);
        return await ChangeAsync(id, interview =>
        {
            if (match is null)
            {
                return string.IsNullOrWhiteSpace(Text) ? "Type a few words of the question to review." : $"No question matches “{Text}”; try other words.";
            }
            if (interview.Checklist.Any(i => i.QuestionId == match.Value.Id))
            {
                return $"“{match.Value.Title}” is already on the checklist.";
            }
            interview.Checklist.Add(new PrepItem { Kind = PrepItemKind.Question, QuestionId = match.Value.Id, Text = match.Value.Title, CreatedAtUtc = time.GetUtcNow().UtcDateTime });
            ChecklistMessage = $"Added “{match.Value.Title}”.";
            return null;
        }, ct);
    }

    public Task<IActionResult> OnPostAddAskAsync(int id, CancellationToken ct) => ChangeAsync(id, interview =>
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            return "Type the question you want to ask, or pick one from the guide.";
        }
        interview.Checklist.Add(new PrepItem { Kind = PrepItemKind.AskInterviewer, Text = Text.Trim(), CreatedAtUtc = time.GetUtcNow().UtcDateTime });
        ChecklistMessage = $"Added: {Text.Trim()}";
        return null;
    }, ct);

    public async Task<IActionResult> OnPostAddAskedAsync(int id, CancellationToken ct)
    {
        var match = await BestQuestionAsync(Text, ct);
        return await ChangeAsync(id, interview =>
        {
            if (string.IsNullOrWhiteSpace(Text))
            {
                return "Type the question you were asked.";
            }
            interview.AskedQuestions.Add(new AskedQuestion { Text = Text.Trim(), QuestionId = match?.Id, CreatedAtUtc = time.GetUtcNow().UtcDateTime });
            return null;
        }, ct);
    }

    public Task<IActionResult> OnPostRemoveAskedAsync(int id, int itemId, CancellationToken ct) => ChangeAsync(id, interview =>
    {
        interview.AskedQuestions.RemoveAll(a => a.Id == itemId);
        return null;
    }, ct);

    /// <summary>Loads the user's interview, applies a change, saves, and comes back to the page (with the error, if any).</summary>
    private async Task<IActionResult> ChangeAsync(int id, Func<Interview, string?> change, CancellationToken ct)
    {
        var interview = await db.Interviews.OwnedBy(User.UserId())
            .Include(i => i.Checklist).Include(i => i.StageHistory).Include(i => i.AskedQuestions)
            .FirstOrDefaultAsync(i => i.Id == id, ct);
        if (interview is null)
        {
            return NotFound();
        }
        var error = ModelState.IsValid ? change(interview) : null;
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Text), error);
        }
        if (!ModelState.IsValid)
        {
            ChecklistMessage = null;
            await LoadAsync(id, ct);
            return IsFragmentRequest && IsChecklistPost ? Partial("_Checklist", this) : Page();
        }
        await writes.SaveAsync(ct);
        if (IsFragmentRequest && IsChecklistPost)
        {
            // The checklist alone, with what was done written in it; nothing is carried to a next page.
            (ChecklistNotice, ChecklistMessage) = (ChecklistMessage, null);
            ModelState.Clear();
            Text = null;
            await LoadAsync(id, ct);
            return Partial("_Checklist", this);
        }
        return Redirect($"/interviews/{id}#{(Request.Query["handler"].ToString() is "AddAsked" or "RemoveAsked" ? "debrief" : "checklist")}");
    }

    private async Task<(int Id, string Title)?> BestQuestionAsync(string? text, CancellationToken ct)
    {
        var words = QuestionSearchIndex.Words(text);
        if (words.Count == 0)
        {
            return null;
        }
        var (items, _) = await search.SearchAsync(new SearchTerms(words, Any: false, PrefixLast: true), new QuestionFilter(null, null, null), 0, 1, ct);
        if (items.Count == 0)
        {
            return null;
        }
        var hit = await db.Questions.Where(q => q.Slug == items[0].Slug).Select(q => new { q.Id, q.Title }).FirstAsync(ct);
        return (hit.Id, hit.Title);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var interview = await db.Interviews.AsNoTracking().OwnedBy(User.UserId())
            .Include(i => i.Contacts).Include(i => i.StageHistory).Include(i => i.Checklist).Include(i => i.AskedQuestions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, ct);
        if (interview is null)
        {
            return false;
        }
        Interview = interview;
        Now = time.GetUtcNow();
        var questionIds = interview.Checklist.Select(i => i.QuestionId).Concat(interview.AskedQuestions.Select(a => a.QuestionId)).OfType<int>().ToList();
        var questions = await db.Questions.Where(q => questionIds.Contains(q.Id)).Select(q => new { q.Id, q.Slug, q.Title }).ToDictionaryAsync(q => q.Id, ct);
        var categoryIds = interview.Checklist.Select(i => i.CategoryId).OfType<int>().ToList();
        var categorySlugs = await db.Categories.Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Slug, ct);
        Checklist = interview.Checklist.OrderBy(i => i.Kind).ThenBy(i => i.CreatedAtUtc).ThenBy(i => i.Id)
            .Select(i => new ChecklistRow(i.Id, i.Kind, i.Text,
                i.QuestionId is { } q && questions.TryGetValue(q, out var question) ? $"/questions/{question.Slug}"
                : i.CategoryId is { } c && categorySlugs.TryGetValue(c, out var slug) ? $"/categories/{slug}" : null,
                i.IsDone))
            .ToList();
        Asked = interview.AskedQuestions.OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id)
            .Select(a => a.QuestionId is { } q && questions.TryGetValue(q, out var question)
                ? new AskedRow(a.Id, a.Text, question.Slug, question.Title)
                : new AskedRow(a.Id, a.Text, null, null))
            .ToList();
        Categories = (await db.Categories.Where(c => !c.IsRetired).OrderBy(c => c.Order).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
            .Select(c => (c.Id, c.Title)).ToList();
        var guide = await db.Guides.Where(g => g.Slug == "ask-the-interviewer" && !g.IsRetired).Select(g => g.BodyMarkdown).FirstOrDefaultAsync(ct);
        GuideQuestions = Guides.GuideQuestions.FromMarkdown(guide ?? "");
        return true;
    }
}
