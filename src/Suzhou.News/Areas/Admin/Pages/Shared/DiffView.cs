using Suzhou.News.Newsroom;

namespace Suzhou.News.Areas.Admin.Pages.Shared;

/// <summary>What <c>_SideBySideDiff</c> shows: a comparison and the names of its two sides.</summary>
public sealed record DiffView(TextDiff.Result Diff, string OldLabel, string NewLabel);
