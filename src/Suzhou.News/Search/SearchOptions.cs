using System.ComponentModel.DataAnnotations;

namespace Suzhou.News.Search;

/// <summary>The <c>Search</c> settings section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>How many of the newest matches are ranked and counted; older ones are left out of a very common query.</summary>
    [Range(20, 100_000, ErrorMessage = "Search:MaxResults 应在 20 到 100000 之间")]
    public int MaxResults { get; set; } = 1000;

    /// <summary>Articles per batch when the index is rebuilt.</summary>
    [Range(10, 10_000, ErrorMessage = "Search:RebuildBatchSize 应在 10 到 10000 之间")]
    public int RebuildBatchSize { get; set; } = 500;
}
