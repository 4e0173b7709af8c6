using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suzhou.News.Accounts;

namespace Suzhou.News.Areas.Admin.Pages.Users;

/// <summary>Creates a newsroom account; a generated initial password is shown on the answer page once and never stored in clear.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class NewModel(StaffAccounts accounts) : PageModel
{
    public sealed class NewUserInput
    {
        [Required(ErrorMessage = "请填写邮箱")]
        [EmailAddress(ErrorMessage = "邮箱格式不正确")]
        [StringLength(256, ErrorMessage = "邮箱太长")]
        [Display(Name = "邮箱（登录名）")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "请填写姓名")]
        [StringLength(40, ErrorMessage = "姓名不超过 {1} 字")]
        [Display(Name = "姓名（署名用）")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "请选择角色")]
        [Display(Name = "角色")]
        public string? Role { get; set; }

        [StringLength(128, MinimumLength = 10, ErrorMessage = "初始密码须为 10–128 位")]
        [DataType(DataType.Password)]
        [Display(Name = "初始密码（留空则自动生成）")]
        public string? Password { get; set; }
    }

    [BindProperty]
    public NewUserInput Input { get; set; } = new() { Role = Roles.Reporter };

    /// <summary>Set only on the answer to a successful create with a generated password.</summary>
    public string? GeneratedPassword { get; private set; }
    public string? CreatedEmail { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var role = Roles.Parse(Input.Role);
        if (Input.Role is not null && role is null)
        {
            ModelState.AddModelError("Input.Role", "请选择记者、编辑或管理员");
        }
        if (ModelState.IsValid && await accounts.FindAsync(Input.Email!) is not null)
        {
            ModelState.AddModelError("Input.Email", "这个邮箱已有账户");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var generated = string.IsNullOrEmpty(Input.Password);
        var password = generated ? StaffAccounts.NewPassword() : Input.Password!;
        var result = await accounts.CreateAsync(Input.Email!, Input.DisplayName!, password, [role!], ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : error.Code.Contains("Email", StringComparison.Ordinal) ? "Input.Email" : "", error.Description);
            }
            return Page();
        }
        if (!generated)
        {
            TempData["Flash"] = $"已创建账户 {Input.Email}（{Roles.Title(role!)}）。";
            return RedirectToPage("Index");
        }
        // Answered directly, not through a redirect: the password must not travel in a cookie or a URL.
        CreatedEmail = Input.Email;
        GeneratedPassword = password;
        Input = new NewUserInput { Role = Roles.Reporter };
        ModelState.Clear();
        return Page();
    }

}
