using System.Globalization;

namespace Suzhou.News.Site;

/// <summary>
/// The paper lives in one time zone: dates in URLs, on pages and in front matter are Beijing time,
/// the database stores UTC.
/// </summary>
public static class BeijingTime
{
    static readonly TimeZoneInfo Zone = FindZone();

    static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // Containers without tzdata: China has had no daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "CST");
        }
    }

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    static readonly string[] Formats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd", "yyyy/MM/dd HH:mm", "yyyy/MM/dd"];

    /// <summary>Parses a Beijing wall-clock time as written in front matter; returns UTC.</summary>
    public static bool TryParse(string text, out DateTime utc)
    {
        if (DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            utc = ToUtc(local);
            return true;
        }
        utc = default;
        return false;
    }

    /// <summary>2026-11-28 08:30</summary>
    public static string Format(DateTime utc) =>
        FromUtc(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>11-28, for dense lists.</summary>
    public static string FormatShort(DateTime utc) =>
        FromUtc(utc).ToString("MM-dd", CultureInfo.InvariantCulture);

    /// <summary>2026年11月28日 星期六</summary>
    public static string FormatLongDate(DateTime utc)
    {
        var local = FromUtc(utc);
        return local.ToString("yyyy年M月d日 ", CultureInfo.InvariantCulture) + Weekdays[(int)local.DayOfWeek];
    }

    static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
}
