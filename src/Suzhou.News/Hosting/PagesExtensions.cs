using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using Suzhou.News.Accounts;

namespace Suzhou.News.Hosting;

public static class PagesExtensions
{
    /// <summary>Razor Pages, writing Chinese as characters rather than <c>&amp;#x…;</c> escapes (a third smaller).</summary>
    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        // `dotnet run` outside Development serves wwwroot through the build's static-asset manifest too;
        // without it the precompressed copies answer empty. A published app has no manifest and skips this.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorPages(o =>
        {
            // One rule for the whole newsroom: signed in with a newsroom role. Stricter checks sit on the pages.
            o.Conventions.AuthorizeAreaFolder("Admin", "/", Policies.Staff);
            o.Conventions.AllowAnonymousToAreaFolder("Admin", "/Account");
            o.Conventions.AuthorizeAreaPage("Admin", "/Account/ChangePassword", Policies.Staff);
            o.Conventions.AuthorizeAreaPage("Admin", "/Account/TwoFactor", Policies.Staff);
        });
        // Model binding's own messages (a number field that got text, an unknown option) in Chinese, next to the
        // field like every other validation message, on public forms and in the newsroom alike.
        services.Configure<MvcOptions>(mvc =>
        {
            var messages = mvc.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的{field}");
            messages.SetValueIsInvalidAccessor(value => $"“{value}”不是有效值");
            messages.SetValueMustBeANumberAccessor(field => $"{field}必须是数字");
            messages.SetValueMustNotBeNullAccessor(value => $"“{value}”不能为空");
            messages.SetMissingBindRequiredValueAccessor(field => $"缺少{field}");
            messages.SetUnknownValueIsInvalidAccessor(field => $"{field}的值无效");
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效值");
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效");
            messages.SetNonPropertyValueMustBeANumberAccessor(() => "此项必须是数字");
        });
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        return builder;
    }
}
