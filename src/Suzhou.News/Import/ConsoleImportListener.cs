using System.Diagnostics;

namespace Suzhou.News.Import;

/// <summary>Progress on the terminal (done/total, rate, time left) and problems on stderr as <c>file:line: reason</c>.</summary>
public sealed class ConsoleImportListener : IImportListener
{
    readonly Stopwatch _clock = new();
    readonly bool _interactive = !Console.IsOutputRedirected;
    string _what = "";
    int _total;
    TimeSpan _lastPrinted = TimeSpan.MinValue;
    bool _lineOpen;

    public void Started(string what, int total)
    {
        _what = what;
        _total = total;
        _clock.Restart();
        Print(0, force: true);
    }

    public void Advanced(int done) => Print(done, force: done == _total);

    public void Problem(ImportProblem problem)
    {
        EndLine();
        Console.Error.WriteLine(problem.ToString());
    }

    /// <summary>A line of news between progress updates, e.g. what was repaired in a file.</summary>
    public void Note(string line)
    {
        EndLine();
        Console.WriteLine(line);
    }

    void Print(int done, bool force)
    {
        var elapsed = _clock.Elapsed;
        // A terminal gets a live line; a log file gets a line every few seconds.
        var every = _interactive ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);
        if (!force && elapsed - _lastPrinted < every)
        {
            return;
        }
        _lastPrinted = elapsed;
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var left = rate > 0 ? TimeSpan.FromSeconds((_total - done) / rate) : TimeSpan.Zero;
        var percent = _total == 0 ? 100 : done * 100 / _total;
        var line = $"导入{_what} {done}/{_total}（{percent}%），{rate:0} 篇/秒，预计剩余 {left:mm\\:ss}";
        if (_interactive)
        {
            Console.Write("\r" + line.PadRight(60));
            _lineOpen = true;
            if (done == _total)
            {
                EndLine();
            }
        }
        else
        {
            Console.WriteLine(line);
        }
    }

    void EndLine()
    {
        if (_lineOpen)
        {
            Console.WriteLine();
            _lineOpen = false;
        }
    }
}
