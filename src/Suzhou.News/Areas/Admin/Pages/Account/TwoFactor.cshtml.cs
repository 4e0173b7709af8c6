using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;
using Suzhou.News.Accounts;
using Suzhou.News.Site;

namespace Suzhou.News.Areas.Admin.Pages.Account;

/// <summary>Identity's own TOTP: scan the key into an authenticator app, confirm with a code, then it is asked at sign-in.</summary>
public sealed class TwoFactorModel(UserManager<NewsUser> users, SignInManager<NewsUser> signIn, AuditLog audit, IOptions<SiteOptions> site) : PageModel
{
    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrSvgDataUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "请填写验证器上的 6 位数字")]
    [RegularExpression(@"^\s*\d{6}\s*$", ErrorMessage = "验证码是 6 位数字")]
    [Display(Name = "验证码")]
    public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code.Trim());
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), "验证码不正确，请确认手机时间准确后重试。");
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.WriteAsync(AuditActions.TwoFactorChanged, $"user:{user.Email}", "开启");
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 8) ?? []).ToList();
        Enabled = true;
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.WriteAsync(AuditActions.TwoFactorChanged, $"user:{user.Email}", "关闭");
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "已关闭两步验证。";
        return RedirectToPage();
    }

    async Task LoadAsync(NewsUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled)
        {
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = Group(key);
        var issuer = Uri.EscapeDataString(site.Value.Name);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={issuer}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        QrSvgDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }

    static string Group(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLower(CultureInfo.InvariantCulture);
    }
}
