namespace Suzhou.News.Import;

/// <summary>One thing wrong with one file, located the way an editor finds it: <c>file:line: reason</c>.</summary>
public sealed record ImportProblem(string File, int Line, string Message, bool IsWarning = false)
{
    public override string ToString() => $"{File}:{Line}: {(IsWarning ? "警告：" : "")}{Message}";
}

/// <summary>Hears about an import while it runs.</summary>
public interface IImportListener
{
    void Started(string what, int total);
    void Advanced(int done);
    void Problem(ImportProblem problem);
}

/// <summary>What an import did.</summary>
public sealed class ImportReport
{
    public int Total { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public TimeSpan Elapsed { get; set; }
    public List<ImportProblem> Problems { get; } = [];

    public bool HasErrors => Problems.Any(p => !p.IsWarning);

    public string Summary =>
        $"导入完成：文章 {Total} 篇，新增 {Added}，更新 {Updated}，未变 {Unchanged}，跳过 {Skipped}；" +
        $"错误 {Problems.Count(p => !p.IsWarning)}，警告 {Problems.Count(p => p.IsWarning)}；用时 {Elapsed.TotalSeconds:0.0} 秒";
}
