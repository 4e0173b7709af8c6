using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Suzhou.News.Data;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>
/// Which database the integration tests run on. SQLite files in each app's data folder by default; PostgreSQL
/// with <c>SUZHOU_TEST_PROVIDER=Postgres</c> and <c>SUZHOU_TEST_POSTGRES=&lt;server connection string without
/// Database&gt;</c>. On PostgreSQL every app gets a throwaway database copied from a template that is migrated
/// once per test run, so an app starts as fast as on SQLite.
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "SUZHOU_TEST_PROVIDER";
    public const string ServerVariable = "SUZHOU_TEST_POSTGRES";

    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    static readonly Lock Gate = new();
    static readonly ConcurrentDictionary<string, PostgresDatabase> ByDataPath = new(StringComparer.Ordinal);
    static string? _template;

    static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException($"{ProviderVariable}=Postgres needs {ServerVariable}, e.g. Host=127.0.0.1;Username=suzhou;Password=suzhou");

    public static string ConnectionString(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database, Pooling = pooling }.ConnectionString;

    /// <summary>
    /// The database of the app whose data folder is <paramref name="dataPath"/> (a restarted app shares it), or a
    /// new copy for it: of <paramref name="template"/> when given (see <see cref="DataTemplates"/>), else of the
    /// migrated template.
    /// </summary>
    public static PostgresDatabase For(string dataPath, string? template = null)
    {
        if (ByDataPath.TryGetValue(dataPath, out var existing))
        {
            return existing with { Owned = false };
        }
        var database = template is null ? Create() : CreateFrom(template);
        ByDataPath[dataPath] = database;
        return database;
    }

    /// <summary>A new database: a copy of the migrated template, or an empty one; named <paramref name="name"/> if given.</summary>
    public static PostgresDatabase Create(bool migrated = true, string? name = null)
    {
        name ??= NewName();
        lock (Gate)
        {
            var template = migrated ? _template ??= CreateTemplate() : null;
            Execute($"""CREATE DATABASE "{name}" {(template is null ? "" : $"""TEMPLATE "{template}" """)}""");
        }
        return new PostgresDatabase(name, ConnectionString(name), Owned: true);
    }

    /// <summary>A new database copied from <paramref name="template"/>, which nobody may be connected to.</summary>
    public static PostgresDatabase CreateFrom(string template)
    {
        var name = NewName();
        lock (Gate)
        {
            Execute($"""CREATE DATABASE "{name}" TEMPLATE "{template}" """);
        }
        return new PostgresDatabase(name, ConnectionString(name), Owned: true);
    }

    static string NewName() => "suzhou_test_" + Guid.NewGuid().ToString("N")[..16];

    public static void Forget(string dataPath) => ByDataPath.TryRemove(dataPath, out _);

    static string CreateTemplate()
    {
        var name = "suzhou_test_template_" + Guid.NewGuid().ToString("N")[..12];
        Execute($"""CREATE DATABASE "{name}" """);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(name);
        // Unpooled, so no connection stays open on the template: CREATE DATABASE … TEMPLATE needs it idle.
        using (var db = new PostgresNewsDbContext(new DbContextOptionsBuilder<PostgresNewsDbContext>()
            .UseNpgsql(ConnectionString(name, pooling: false)).Options))
        {
            db.Database.Migrate();
        }
        return name;
    }

    public static void Drop(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        Execute($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
    }

    /// <summary>The names of the databases that start with <paramref name="prefix"/>.</summary>
    public static List<string> Named(string prefix)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
        connection.Open();
        using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE starts_with(datname, @prefix)", connection);
        command.Parameters.AddWithValue("prefix", prefix);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A throwaway PostgreSQL database; the app that created it drops it.</summary>
public sealed record PostgresDatabase(string Name, string ConnectionString, bool Owned)
{
    public Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:News"] = ConnectionString,
    };

    /// <summary>The same settings as environment variables, for the app run as a process.</summary>
    public Dictionary<string, string> Environment => new()
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__News"] = ConnectionString,
    };
}

/// <summary>A test that only makes sense on SQLite (the database file itself); skipped on PostgreSQL, with the reason.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string reason)
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = $"SQLite only: {reason}";
        }
    }
}
