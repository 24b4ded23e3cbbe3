using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace InterviewPrep.Tests.Support;

/// <summary>Posts forms the way a browser does: every field of the form as the page rendered it (antiforgery token included), with some values changed.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, IDictionary<string, string?>? values = null, string formSelector = "main form[method=post]")
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}");
        return await client.SubmitAsync(form, pageUrl, values);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, string pageUrl, IDictionary<string, string?>? values = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if ((input.Type is "checkbox" or "radio") && !input.IsChecked)
                    {
                        continue;
                    }
                    if (input.Type is "submit" or "button")
                    {
                        continue;
                    }
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (selected is not null)
                    {
                        fields.Add(new(select.Name!, selected.Value));
                    }
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
            }
        }
        foreach (var (name, value) in values ?? new Dictionary<string, string?>())
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await client.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// <summary>Adds one value of a multi-valued field (checkbox lists).</summary>
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var page = await client.GetDocumentAsync(url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(all));
    }

    public static IElement? FieldError(this IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']") is { } e && e.TextContent.Trim().Length > 0 ? e : null;
}
