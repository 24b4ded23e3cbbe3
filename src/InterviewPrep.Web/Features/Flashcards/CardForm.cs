using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using InterviewPrep.Web.Features.Content;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>The fields of an own card, as typed, with the checks that give each field its message.</summary>
public sealed partial class CardForm
{
    [Required(ErrorMessage = "Write the question for the front of the card.")]
    [StringLength(Flashcard.FrontMaxLength, ErrorMessage = "Keep the front under 500 characters.")]
    [Display(Name = "Front: the question")]
    public string? Front { get; set; }

    [StringLength(Flashcard.BackMaxLength, ErrorMessage = "The back is limited to 20,000 characters; this is longer.")]
    [Display(Name = "Back: your answer")]
    public string? Back { get; set; }

    [StringLength(Flashcard.TagsMaxLength, ErrorMessage = "Keep the tags under 300 characters.")]
    public string? Tags { get; set; }

    /// <summary>The card's version when the form was shown; a save over a newer version is refused.</summary>
    public int Version { get; set; }

    public void Validate(ModelStateDictionary state, string prefix)
    {
        if (Tags is not null && NormalizeTags(Tags) is null)
        {
            state.AddModelError($"{prefix}.{nameof(Tags)}", "Tags are words of letters, digits and dashes, separated by spaces or commas.");
        }
    }

    public void ApplyTo(Flashcard card, MarkdownRenderer renderer)
    {
        card.Front = Front!.Trim();
        card.BackMarkdown = Back?.Trim() ?? "";
        card.BackHtml = renderer.ToHtml(card.BackMarkdown);
        card.Tags = NormalizeTags(Tags) ?? "";
    }

    /// <summary>Tags as stored: lower-case, separated by one space, each once; null when one is not a word.</summary>
    public static string? NormalizeTags(string? text)
    {
        var words = (text ?? "").Split([' ', ',', ';', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        return words.All(w => w.Length <= 60 && TagWord().IsMatch(w)) ? string.Join(' ', words) : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex TagWord();
}
