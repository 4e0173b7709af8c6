namespace Suzhou.News.Tests.Infrastructure;

/// <summary>
/// Waiting on the thing itself (a process exit, a row, a page) rather than on the clock. The ceiling is generous on
/// purpose: a busy 2-core machine once took 29 minutes for the suite, and a short limit there fails tests that are
/// right. A ceiling is reached only when something is really missing, and the caller says what.
/// </summary>
public static class Wait
{
    public static readonly TimeSpan Ceiling = TimeSpan.FromMinutes(10);

    static readonly TimeSpan Every = TimeSpan.FromMilliseconds(100);

    /// <summary>Asks every 100 ms until <paramref name="condition"/> holds (true) or the ceiling is reached (false).</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan? ceiling = null)
    {
        using var limit = new CancellationTokenSource(ceiling ?? Ceiling);
        while (true)
        {
            if (await condition())
            {
                return true;
            }
            try
            {
                await Task.Delay(Every, limit.Token);
            }
            catch (OperationCanceledException)
            {
                return await condition();
            }
        }
    }

    /// <inheritdoc cref="UntilAsync(Func{Task{bool}}, TimeSpan?)"/>
    public static Task<bool> UntilAsync(Func<bool> condition, TimeSpan? ceiling = null) =>
        UntilAsync(() => Task.FromResult(condition()), ceiling);

    /// <summary>Waits for <paramref name="task"/>; at the ceiling the test fails naming <paramref name="missing"/>.</summary>
    public static async Task ForAsync(Task task, string missing)
    {
        try
        {
            await task.WaitAsync(Ceiling);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Still missing after {Ceiling.TotalMinutes:0} minutes: {missing}");
        }
    }
}
