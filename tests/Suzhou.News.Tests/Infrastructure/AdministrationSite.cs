namespace Suzhou.News.Tests.Infrastructure;

/// <summary>
/// One seeded site shared by the admin-page tests (users, channels, settings), with a low lockout threshold. The
/// classes run one after another on it, so a settings test can count the audit entries it made.
/// </summary>
public sealed class AdministrationSite : IDisposable
{
    public NewsApp App { get; } = new(new() { ["Accounts:MaxFailedAttempts"] = "2" });

    public void Dispose() => App.Dispose();
}

[CollectionDefinition(Name)]
public sealed class AdministrationSiteCollection : ICollectionFixture<AdministrationSite>
{
    public const string Name = "Administration site";
}
