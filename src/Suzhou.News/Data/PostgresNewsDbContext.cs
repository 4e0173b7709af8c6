using Microsoft.EntityFrameworkCore;

namespace Suzhou.News.Data;

/// <summary>
/// The same model on PostgreSQL (<c>Database:Provider</c> = <c>Postgres</c>). A type of its own so that its
/// migrations (<c>Data/Migrations/Postgres</c>) are kept apart from the SQLite ones; the app still asks for
/// <see cref="NewsDbContext"/> everywhere.
/// </summary>
public sealed class PostgresNewsDbContext(DbContextOptions<PostgresNewsDbContext> options) : NewsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Byte order, as SQLite compares text: sorting and equality do not depend on the server's locale.
        configurationBuilder.Properties<string>().UseCollation("C");
    }
}
