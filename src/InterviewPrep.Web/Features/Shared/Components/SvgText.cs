using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace InterviewPrep.Web.Features.Shared.Components;

/// <summary>An SVG &lt;text&gt; element; Razor reserves the &lt;text&gt; tag, so charts write their labels with this.</summary>
public sealed class SvgText : ComponentBase
{
    [Parameter] public double X { get; set; }
    [Parameter] public double Y { get; set; }
    [Parameter] public string? Class { get; set; }

    /// <summary>The SVG text-anchor: start (the default), middle or end.</summary>
    [Parameter] public string? Anchor { get; set; }
    [Parameter] public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", X.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.AddAttribute(2, "y", Y.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.AddAttribute(3, "class", Class);
        builder.AddAttribute(4, "text-anchor", Anchor);
        builder.AddContent(5, ChildContent);
        builder.CloseElement();
    }
}
