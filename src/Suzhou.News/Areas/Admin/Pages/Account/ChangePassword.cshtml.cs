using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suzhou.News.Accounts;

namespace Suzhou.News.Areas.Admin.Pages.Account;

public sealed class ChangePasswordModel(UserManager<NewsUser> users, SignInManager<NewsUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "请填写当前密码")]
        [DataType(DataType.Password)]
        [Display(Name = "当前密码")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "请填写新密码")]
        [StringLength(128, MinimumLength = 10, ErrorMessage = "新密码须为 10–128 位")]
        [DataType(DataType.Password)]
        [Display(Name = "新密码")]
        public string New { get; set; } = "";

        [Compare(nameof(New), ErrorMessage = "两次输入的新密码不一致")]
        [DataType(DataType.Password)]
        [Display(Name = "再次输入新密码")]
        public string Confirm { get; set; } = "";
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
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await users.ChangePasswordAsync(user, Input.Current, Input.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.Current" : "Input.New", error.Description);
            }
            return Page();
        }
        await audit.WriteAsync(AuditActions.PasswordChanged, $"user:{user.Email}");
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "密码已修改。";
        return RedirectToPage("/Index");
    }
}
