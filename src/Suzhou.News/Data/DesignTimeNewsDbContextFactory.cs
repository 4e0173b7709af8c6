using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Suzhou.News.Data;

/// <summary>Lets <c>dotnet ef migrations add --context NewsDbContext</c> build the SQLite model without starting the site.</summary>
public sealed class DesignTimeNewsDbContextFactory : IDesignTimeDbContextFactory<NewsDbContext>
{
    public NewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NewsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>
/// Lets <c>dotnet ef migrations add --context PostgresNewsDbContext</c> build the PostgreSQL model; adding a
/// migration never connects, so the server named here need not exist.
/// </summary>
public sealed class DesignTimePostgresNewsDbContextFactory : IDesignTimeDbContextFactory<PostgresNewsDbContext>
{
    public PostgresNewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresNewsDbContext>().UseNpgsql("Host=localhost;Database=suzhou_news_design").Options);
}
