using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Suzhou.News.Data;

namespace Suzhou.News.Accounts;

public static class AccountsExtensions
{
    /// <summary>ASP.NET Core Identity on <see cref="NewsDbContext"/>, the role policies and the newsroom sign-in cookie.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddIdentity<NewsUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<NewsDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<NewsClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>();

        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.Value.LockoutMinutes);
            identity.Lockout.AllowedForNewUsers = true;
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "sn.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/admin";
            o.LoginPath = "/admin/account/login";
            o.LogoutPath = "/admin/account/logout";
            o.AccessDeniedPath = "/admin/account/denied";
            o.SlidingExpiration = true;
            // A tipster's attachment is a file, not a page: an anonymous request gets a plain 403 rather than a
            // login form, so nothing about the file (not even that a sign-in would open it) is offered.
            o.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.Value?.Contains("/attachments/", StringComparison.OrdinalIgnoreCase) == true)
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }
                return Task.CompletedTask;
            };
        });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AccountOptions>>((cookie, accounts) => cookie.ExpireTimeSpan = TimeSpan.FromMinutes(accounts.Value.SessionMinutes));
        // The two-factor step cookies must reach /admin too.
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => o.Cookie.Path = "/admin");

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Reporter, Roles.Editor, Roles.Admin))
            .AddPolicy(Policies.Editing, p => p.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Policies.Administration, p => p.RequireRole(Roles.Admin));

        // Role changes and password resets reach open sessions within a minute (the default is 30).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddScoped<StaffAccounts>();
        return services;
    }

    /// <summary>
    /// Creates the roles and, on a database without any administrator, the first one. Several nodes may start at
    /// once on one database: the one that loses a race to insert a role or the admin tries again in a fresh scope,
    /// where it finds the winner's rows.
    /// </summary>
    public static async Task EnsureFirstAdminAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<StaffAccounts>().EnsureRolesAndFirstAdminAsync(ct);
                return;
            }
            catch (Exception e) when (attempt < 3 && e is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
        }
    }
}
