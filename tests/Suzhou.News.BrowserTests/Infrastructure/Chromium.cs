namespace Suzhou.News.BrowserTests.Infrastructure;

/// <summary>
/// The browser these tests drive: Debian's own Chromium (package <c>chromium</c>), never a Playwright download.
/// Without it the tests are skipped on a developer's machine and fail under CI (<c>CI=true</c>).
/// <c>SUZHOU_CHROMIUM</c> names another Chromium binary (a different distribution's path).
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("SUZHOU_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingMessage =>
        $"{ExecutablePath} not found: install Debian's browser and CJK fonts with " +
        "`apt-get install -y --no-install-recommends chromium fonts-noto-cjk` to run the browser tests.";

    /// <summary>Why a browser test is skipped here, or null when it should run (the browser is there, or CI wants a failure).</summary>
    public static string? SkipReason => IsInstalled || UnderCi ? null : MissingMessage + " (skipped because CI is not true)";
}

/// <summary>A browser journey: reported as skipped with the reason when Chromium is missing, unless <c>CI=true</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
