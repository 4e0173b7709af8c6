using Microsoft.EntityFrameworkCore;
using Suzhou.News.Data;

namespace Suzhou.News.Tests.Operations;

/// <summary>The operator verbs, run as a real process the way the README tells operators to.</summary>
public sealed class VerbTests : IDisposable
{
    readonly VerbProcess _verbs = new();

    public void Dispose() => _verbs.Dispose();

    Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args) => _verbs.RunAsync(args);

    Task<(int ExitCode, string Output, string Errors)> RunAsync(Dictionary<string, string> environment, params string[] args) => _verbs.RunAsync(environment, args);

    [Fact]
    public async Task Migrate_creates_the_database_in_the_data_folder()
    {
        var (exitCode, output, errors) = await RunAsync("migrate");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("数据库已是最新结构", output);
        if (_verbs.Database is null)
        {
            Assert.True(File.Exists(Path.Combine(_verbs.DataPath, "suzhou-news.db")));
        }
        else
        {
            await using var db = new PostgresNewsDbContext(new DbContextOptionsBuilder<PostgresNewsDbContext>().UseNpgsql(_verbs.Database.ConnectionString).Options);
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        Assert.DoesNotContain("Failed executing", output + errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_reports_progress_bad_files_as_file_and_line_and_exits_non_zero()
    {
        using var content = new ImportFixture();
        content.Write("good.md", ImportFixture.Article(300001));
        content.Write("bad.md", ImportFixture.Article(300002, "channel: tiyu"));

        var (exitCode, output, errors) = await RunAsync("import", content.Root);

        Assert.Equal(65, exitCode);
        Assert.Matches(@"articles/bad\.md:5: 未知栏目“tiyu”", errors);
        Assert.Contains("导入文章 2/2（100%）", output);
        Assert.Contains("新增 1", output);
        Assert.Contains("跳过 1", output);

        var (secondExit, secondOutput, _) = await RunAsync("import", content.Root);
        Assert.Equal(65, secondExit);
        Assert.Contains("未变 1", secondOutput);
    }

    [Fact]
    public async Task Import_of_a_missing_folder_says_so_and_exits_non_zero()
    {
        var (exitCode, _, errors) = await RunAsync("import", "/no/such/folder");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("内容目录不存在：/no/such/folder", errors);
    }

    [Fact]
    public async Task Seed_content_imports_cleanly_through_the_verb()
    {
        var (exitCode, output, errors) = await RunAsync("import", NewsApp.ContentPath);

        Assert.Equal("", errors.Trim());
        Assert.Equal(0, exitCode);
        Assert.Contains("错误 0，警告 0", output);
    }

    [Fact]
    public async Task Legacy_import_repairs_old_files_reports_each_and_keeps_old_numbers()
    {
        var (seedExit, _, _) = await RunAsync("import", NewsApp.ContentPath); // channels first, as on a running site
        Assert.Equal(0, seedExit);

        var (exitCode, output, errors) = await RunAsync("import", "--legacy", LegacyImportedSite.Fixtures);

        Assert.Equal(0, exitCode);
        Assert.Contains("导入旧稿 4/4（100%）", output);
        Assert.Contains("2019-06-18_content_108801.txt：新增并发布；修复 GBK 错位 4 处", output);
        Assert.Contains("leave-alone.txt:7: 警告：第 7 行：疑似 GBK 错位", errors);
        Assert.Contains("旧稿导入完成：文件 4 个，已发布 2，草稿待补 2，未变 0，跳过 0", output);
        var reportPath = Path.Combine(_verbs.DataPath, "legacy-import-report.md");
        Assert.Contains("逐篇报告：" + reportPath, output);
        Assert.True(File.Exists(reportPath));
    }

    [Fact]
    public async Task Legacy_import_of_a_missing_folder_exits_66()
    {
        var (exitCode, _, errors) = await RunAsync("import", "--legacy", "/no/such/folder");

        Assert.Equal(66, exitCode);
        Assert.Contains("旧稿目录不存在：/no/such/folder", errors);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_site_with_a_message_naming_it_before_anything_is_written()
    {
        var (exitCode, output, errors) = await RunAsync(new Dictionary<string, string> { ["Site__PageSize"] = "1000", ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });

        Assert.Equal(2, exitCode);
        Assert.Contains("Site:PageSize 应在 5 到 100 之间", output + errors);
        Assert.False(Directory.Exists(_verbs.DataPath));
    }

    [Theory]
    [InlineData("Oracle", "Host=127.0.0.1", "Database:Provider 只能是 Sqlite 或 Postgres")]
    [InlineData("Postgres", "", "Database:Provider 为 Postgres 时必须设置 ConnectionStrings:News")]
    public async Task A_bad_database_setting_stops_the_site_with_a_message_naming_it(string provider, string connectionString, string message)
    {
        var (exitCode, output, errors) = await RunAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = provider,
            ["ConnectionStrings__News"] = connectionString,
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        });

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output + errors);
        Assert.False(Directory.Exists(_verbs.DataPath));
    }

    [Fact]
    public async Task Users_import_creates_accounts_once_and_adds_missing_roles_on_a_second_run()
    {
        Directory.CreateDirectory(_verbs.DataPath);
        var file = Path.Combine(_verbs.DataPath, "users.json");
        await File.WriteAllTextAsync(file, """
            [
              {"email": "li.hang@example.cn", "name": "李航", "roles": ["Reporter"], "password": "reporter-pass-1"},
              {"email": "zhou.min@example.cn", "name": "周敏", "roles": ["编辑"], "password": "editor-pass-1"}
            ]
            """);

        var (firstExit, firstOutput, firstErrors) = await RunAsync("users", "import", file);
        Assert.True(firstExit == 0, firstErrors);
        Assert.Contains("新建 2", firstOutput);

        await File.WriteAllTextAsync(file, """[{"email": "li.hang@example.cn", "roles": ["Reporter", "Editor"]}, {"email": "zhou.min@example.cn", "roles": ["Editor"]}]""");
        var (secondExit, secondOutput, _) = await RunAsync("users", "import", file);
        Assert.Equal(0, secondExit);
        Assert.Contains("新建 0，补充角色 1，未变 1", secondOutput);
    }

    [Fact]
    public async Task Users_add_without_a_password_prints_a_generated_one_once()
    {
        var (exitCode, output, errors) = await RunAsync("users", "add", "wang.lei@example.cn", "--role", "Reporter", "--name", "王磊");

        Assert.True(exitCode == 0, errors);
        Assert.Matches("初始密码：[A-Za-z0-9]{16}", output);

        var (again, _, againErrors) = await RunAsync("users", "add", "wang.lei@example.cn", "--role", "Reporter");
        Assert.Equal(65, again);
        Assert.Contains("已存在", againErrors);
    }

    [Fact]
    public async Task Users_add_with_an_unknown_role_explains_the_choices()
    {
        var (exitCode, _, errors) = await RunAsync("users", "add", "x@example.cn", "--role", "Boss");

        Assert.Equal(64, exitCode);
        Assert.Contains("Reporter", errors);
    }

    [SqliteOnlyFact("the zip holds the SQLite database file; PostgreSQL is backed up with pg_dump")]
    public async Task Backup_writes_a_zip_with_the_database_and_reports_what_it_holds()
    {
        var (migrated, _, _) = await RunAsync("migrate");
        Assert.Equal(0, migrated);
        var target = Path.Combine(_verbs.DataPath, "backups", "nightly.zip");

        var (exitCode, output, errors) = await RunAsync("backup", target);

        Assert.True(exitCode == 0, errors);
        Assert.Contains("备份完成", output);
        using var zip = System.IO.Compression.ZipFile.OpenRead(target);
        Assert.Contains(zip.Entries, e => e.FullName == "suzhou-news.db");

        var (again, _, againErrors) = await RunAsync("backup", target);
        Assert.Equal(73, again);
        Assert.Contains("不会覆盖", againErrors);
    }

    [Fact]
    public async Task Backup_on_postgres_refuses_points_to_pg_dump_and_writes_nothing()
    {
        var target = Path.Combine(_verbs.DataPath, "backups", "nightly.zip");
        // The refusal comes before the database is touched, so no server is needed to see it.
        var postgres = _verbs.Database?.Environment ?? new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__News"] = "Host=127.0.0.1;Database=not_used",
        };

        var (exitCode, _, errors) = await RunAsync(postgres, "backup", target);

        Assert.Equal(69, exitCode);
        Assert.Contains("请用 pg_dump 备份数据库", errors);
        Assert.False(File.Exists(target));
    }
}
