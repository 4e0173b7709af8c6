using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Suzhou.News.Articles;

namespace Suzhou.News.Media;

/// <summary>
/// <c>&lt;img src="@cover.Src" srcset-sizes="(max-width: 640px) 40vw, 200px"&gt;</c>: when the picture is an upload
/// with smaller copies, adds <c>srcset</c> (copies plus the full picture) and the given <c>sizes</c>, so a card
/// thumbnail loads the 320-pixel copy rather than the full picture. Other pictures (seed SVGs) are left alone.
/// </summary>
[HtmlTargetElement("img", Attributes = "srcset-sizes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MediaSrcsetTagHelper(MediaLibrary media) : TagHelper
{
    [HtmlAttributeName("srcset-sizes")]
    public string Sizes { get; set; } = MarkdownRenderer.ImageSizes;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var src = output.Attributes["src"]?.Value switch
        {
            string s => s,
            HtmlString h => h.Value,
            var other => other?.ToString(),
        };
        if (string.IsNullOrEmpty(src) || media.VariantsOf(src) is not { Count: > 0 } variants || media.SizeOf(src) is not { } size)
        {
            return;
        }
        var candidates = variants.Where(v => v.Width < size.Width).Select(v => $"{v.Url} {v.Width}w").Append($"{src} {size.Width}w");
        output.Attributes.SetAttribute("srcset", string.Join(", ", candidates));
        output.Attributes.SetAttribute("sizes", Sizes);
    }
}
