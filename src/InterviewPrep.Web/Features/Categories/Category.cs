using InterviewPrep.Web.Features.Questions;

namespace InterviewPrep.Web.Features.Categories;

/// <summary>A kind of interview question, imported from <c>content/categories/&lt;slug&gt;.md</c>.</summary>
public sealed class Category : InterviewPrep.Web.Features.Content.IContentPage
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public int Order { get; set; }
    public string Summary { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public required string ContentHash { get; set; }
    public required string SourcePath { get; set; }
    public bool IsRetired { get; set; }
    public List<Question> Questions { get; set; } = [];
}
