using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Accounts;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>Newsroom accounts for tests: created through the app's own account service, signed in through the real login form.</summary>
public static class Staff
{
    public const string Password = "test-pass-2026";

    /// <summary>Creates an account with a role (Reporter, Editor, Admin) and returns its email.</summary>
    public static async Task<string> CreateStaffAsync(this NewsApp app, string role, string? email = null, string? name = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.cn";
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var result = await accounts.CreateAsync(email, name ?? $"{Roles.Title(role)}{email[..4]}", Password, [role]);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }

    /// <summary>A cookie-keeping client that has signed in through <c>/admin/account/login</c>.</summary>
    public static async Task<HttpClient> SignInAsync(this NewsApp app, string email, string password = Password)
    {
        var client = app.CreateReader();
        var response = await client.SubmitAsync("/admin/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A new account with the role, signed in.</summary>
    public static async Task<HttpClient> SignInAsNewAsync(this NewsApp app, string role, string? name = null) =>
        await app.SignInAsync(await app.CreateStaffAsync(role, name: name));
}
