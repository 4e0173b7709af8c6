using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Cluster;
using Suzhou.News.Media;
using Suzhou.News.Newsroom;
using Suzhou.News.Site;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Data;

/// <summary>
/// The site's data on SQLite (the default), with the migrations in <c>Data/Migrations</c>.
/// <see cref="PostgresNewsDbContext"/> is the same model on PostgreSQL with its own migrations.
/// </summary>
public class NewsDbContext : IdentityDbContext<NewsUser>, IDataProtectionKeyContext
{
    public NewsDbContext(DbContextOptions<NewsDbContext> options) : base(options)
    {
    }

    /// <summary>For a provider's subclass, whose options are typed for itself.</summary>
    protected NewsDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<ArticleTopic> ArticleTopics => Set<ArticleTopic>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<SitePage> SitePages => Set<SitePage>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ArticleEvent> ArticleEvents => Set<ArticleEvent>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<MediaAsset> MediaAssets => Set<MediaAsset>();
    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();
    public DbSet<ArticleViewBucket> ArticleViewBuckets => Set<ArticleViewBucket>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();

    /// <summary>Data-protection keys, when <c>DataProtection:Store</c> is <c>Database</c> (several nodes).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // Identity's tables
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite hands them back unspecified unless told, Npgsql refuses anything else.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
