namespace InterviewPrep.Web.Features.Guides;

/// <summary>A long-form page, imported from <c>content/guides/&lt;slug&gt;.md</c>.</summary>
public sealed class Guide : InterviewPrep.Web.Features.Content.IContentPage
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
}
