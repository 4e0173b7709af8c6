using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suzhou.News.Accounts;

namespace Suzhou.News.Areas.Admin.Pages.Account;

public sealed class LoginWith2faModel(SignInManager<NewsUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "请填写验证器上的 6 位数字")]
    [RegularExpression(@"^\s*\d{6}\s*$", ErrorMessage = "验证码是 6 位数字")]
    [Display(Name = "验证码")]
    public string Code { get; set; } = "";

    [FromQuery]
    public string? ReturnUrl { get; set; }

    [FromQuery]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("./Login");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code.Trim(), RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.LoginSucceeded, $"user:{user.Email}", "两步验证", user.Email);
            return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
        }
        await audit.WriteAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.LoginFailed, $"user:{user.Email}", "两步验证码错误", user.Email);
        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? "失败次数过多，账户已暂时锁定。" : "验证码不正确。");
        return Page();
    }
}
