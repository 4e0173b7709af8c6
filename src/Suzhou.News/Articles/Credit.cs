namespace Suzhou.News.Articles;

/// <summary>One person credited on an article, in print order.</summary>
public sealed class Credit
{
    public CreditRole Role { get; set; }
    public string Name { get; set; } = "";
    public int Position { get; set; }
}

public enum CreditRole
{
    Reporter = 0,
    Correspondent = 1,
    Photographer = 2,
    Intern = 3,
}

public static class CreditRoles
{
    /// <summary>Roles in the order a print byline lists them.</summary>
    public static readonly IReadOnlyList<CreditRole> PrintOrder =
        [CreditRole.Reporter, CreditRole.Correspondent, CreditRole.Photographer, CreditRole.Intern];

    public static string Label(this CreditRole role) => role switch
    {
        CreditRole.Reporter => "记者",
        CreditRole.Correspondent => "通讯员",
        CreditRole.Photographer => "摄影",
        CreditRole.Intern => "实习生",
        _ => role.ToString(),
    };

    /// <summary>Accepts the Chinese label or the English name, as written in front matter.</summary>
    public static bool TryParse(string text, out CreditRole role)
    {
        foreach (var r in PrintOrder)
        {
            if (text == r.Label() || string.Equals(text, r.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                role = r;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>The print-style byline, e.g. "记者 李航 王敏 通讯员 张立"; names keep their order within a role.</summary>
    public static string Byline(IEnumerable<(CreditRole Role, string Name)> credits) =>
        string.Join(" ", credits
            .GroupBy(c => c.Role)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Key.Label()} {string.Join(" ", g.Select(c => c.Name))}"));
}
