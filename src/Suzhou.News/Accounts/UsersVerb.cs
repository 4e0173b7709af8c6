using System.Text.Json;
using Suzhou.News.Data;

namespace Suzhou.News.Accounts;

/// <summary>
/// <c>users add &lt;email&gt; --role Editor [--name 李航] [--password …]</c> and <c>users import &lt;file.json&gt;</c>:
/// newsroom accounts without a browser, for operators and tests. Import is idempotent: existing accounts keep
/// their password and only gain missing roles.
/// </summary>
public static class UsersVerb
{
    public const string Usage = """
        用法：
          users add <邮箱> --role <Reporter|Editor|Admin>[,…] [--name <姓名>] [--password <密码>]
              不给 --password 时生成随机密码并显示一次。
          users import <文件.json>
              文件内容：[{"email": "…", "name": "…", "roles": ["Reporter"], "password": "…"}, …]
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        if (args.Length < 2 || args[0] is not ("add" or "import"))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 64;
        }
        await services.MigrateDatabaseAsync(ct);
        await services.EnsureFirstAdminAsync(ct);
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        return args[0] == "add" ? await AddAsync(accounts, args[1..], ct) : await ImportAsync(accounts, args[1], ct);
    }

    static async Task<int> AddAsync(StaffAccounts accounts, string[] args, CancellationToken ct)
    {
        var email = args[0];
        var role = Option(args, "--role");
        var name = Option(args, "--name") ?? "";
        var password = Option(args, "--password");
        var roles = (role ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Roles.Parse).ToList();
        if (roles.Count == 0 || roles.Contains(null))
        {
            await Console.Error.WriteLineAsync($"--role 须为 {string.Join("、", Roles.All)} 之一（可用逗号分隔多个）。\n{Usage}");
            return 64;
        }
        if (await accounts.FindAsync(email) is not null)
        {
            await Console.Error.WriteLineAsync($"账户 {email} 已存在。");
            return 65;
        }
        var generated = password is null;
        password ??= StaffAccounts.NewPassword();
        var result = await accounts.CreateAsync(email, name, password, roles!, ct);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"未能创建 {email}：" + string.Join("；", result.Errors.Select(e => e.Description)));
            return 65;
        }
        Console.WriteLine($"已创建 {email}（{string.Join("、", roles.Select(r => Roles.Title(r!)))}）。");
        if (generated)
        {
            Console.WriteLine($"初始密码：{password}  （只显示这一次）");
        }
        return 0;
    }

    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    sealed record UserLine(string? Email, string? Name, string[]? Roles, string? Password);

    static async Task<int> ImportAsync(StaffAccounts accounts, string file, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"文件不存在：{file}");
            return 66;
        }
        List<UserLine>? lines;
        try
        {
            await using var stream = File.OpenRead(file);
            lines = await JsonSerializer.DeserializeAsync<List<UserLine>>(stream, JsonOptions, ct);
        }
        catch (JsonException e)
        {
            await Console.Error.WriteLineAsync($"{file}:{e.LineNumber + 1}: JSON 格式有误：{e.Message}");
            return 65;
        }
        int created = 0, updated = 0, unchanged = 0, failed = 0;
        for (var i = 0; i < (lines?.Count ?? 0); i++)
        {
            var line = lines![i];
            var where = $"{file}: 第 {i + 1} 个账户";
            var roles = (line.Roles ?? []).Select(Roles.Parse).ToList();
            if (string.IsNullOrWhiteSpace(line.Email) || roles.Count == 0 || roles.Contains(null))
            {
                await Console.Error.WriteLineAsync($"{where}: 须有 email 和 roles（{string.Join("、", Roles.All)}）");
                failed++;
                continue;
            }
            if (await accounts.FindAsync(line.Email) is { } existing)
            {
                if (await accounts.EnsureRolesAsync(existing, roles!, ct))
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
                continue;
            }
            if (string.IsNullOrEmpty(line.Password))
            {
                await Console.Error.WriteLineAsync($"{where}（{line.Email}）: 新账户须有 password");
                failed++;
                continue;
            }
            var result = await accounts.CreateAsync(line.Email, line.Name ?? "", line.Password, roles!, ct);
            if (result.Succeeded)
            {
                created++;
            }
            else
            {
                await Console.Error.WriteLineAsync($"{where}（{line.Email}）: " + string.Join("；", result.Errors.Select(e => e.Description)));
                failed++;
            }
            Console.WriteLine($"  {i + 1}/{lines.Count}");
        }
        Console.WriteLine($"账户导入完成：新建 {created}，补充角色 {updated}，未变 {unchanged}，失败 {failed}。");
        return failed > 0 ? 65 : 0;
    }

    static string? Option(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == name && i + 1 < args.Length)
            {
                return args[i + 1];
            }
            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }
        return null;
    }
}
