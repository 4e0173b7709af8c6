using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Suzhou.News.Accounts;

namespace Suzhou.News.Areas.Admin.Pages.Account;

public sealed partial class LoginModel(SignInManager<NewsUser> signIn, AuditLog audit, IOptions<AccountOptions> accounts, ILogger<LoginModel> logger) : PageModel
{
    /// <summary>One message for an unknown email and a wrong password, so the form does not tell which accounts exist.</summary>
    public const string WrongCredentials = "邮箱或密码不正确。";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [FromQuery]
    public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "请填写邮箱")]
        [EmailAddress(ErrorMessage = "邮箱格式不正确")]
        [Display(Name = "邮箱")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "请填写密码")]
        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; } = "";

        [Display(Name = "在这台电脑上保持登录")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        var result = await signIn.PasswordSignInAsync(email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.LoginSucceeded, $"user:{email}", userName: email);
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { returnUrl = SafeReturnUrl(ReturnUrl), rememberMe = Input.RememberMe });
        }
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (result.IsLockedOut)
        {
            LogLockedOut(logger, email, address);
            await audit.WriteAsync(AuditActions.LockedOut, $"user:{email}", userName: email);
            ModelState.AddModelError("", $"登录失败次数过多，账户已暂时锁定，请 {accounts.Value.LockoutMinutes} 分钟后再试。");
        }
        else
        {
            LogFailed(logger, email, address);
            await audit.WriteAsync(AuditActions.LoginFailed, $"user:{email}", userName: email);
            ModelState.AddModelError("", WrongCredentials);
        }
        Input.Password = "";
        return Page();
    }

    /// <summary>Only paths on this site; anything else (//evil.example, https://…) goes to the dashboard.</summary>
    internal string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/admin";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in failed for {UserName} from {ClientAddress}")]
    static partial void LogFailed(ILogger logger, string userName, string? clientAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {UserName} locked out after failed sign-ins from {ClientAddress}")]
    static partial void LogLockedOut(ILogger logger, string userName, string? clientAddress);
}
