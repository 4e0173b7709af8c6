using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Suzhou.News.Newsroom;

/// <summary>
/// Advisory "周敏 正在编辑" notices: who opened which article for editing, and when. Kept in memory with an
/// expiry; it only warns, the concurrency token is what protects the data. One web node only.
/// </summary>
public sealed class EditingPresence(TimeProvider clock, IOptions<NewsroomOptions> options)
{
    public sealed record Editor(string UserId, string Name, DateTime OpenedAt);

    readonly ConcurrentDictionary<int, ConcurrentDictionary<string, Editor>> _open = new();

    public void Opened(int articleId, string userId, string name)
    {
        var editors = _open.GetOrAdd(articleId, _ => new());
        editors[userId] = new Editor(userId, name, clock.GetUtcNow().UtcDateTime);
    }

    public void Closed(int articleId, string userId)
    {
        if (_open.TryGetValue(articleId, out var editors))
        {
            editors.TryRemove(userId, out _);
        }
    }

    /// <summary>Others who opened the article within the notice window, most recent first.</summary>
    public IReadOnlyList<Editor> OthersThan(int articleId, string? userId)
    {
        if (!_open.TryGetValue(articleId, out var editors))
        {
            return [];
        }
        var since = clock.GetUtcNow().UtcDateTime.AddMinutes(-options.Value.EditingNoticeMinutes);
        foreach (var stale in editors.Values.Where(e => e.OpenedAt < since))
        {
            editors.TryRemove(stale.UserId, out _);
        }
        return editors.Values.Where(e => e.UserId != userId).OrderByDescending(e => e.OpenedAt).ToList();
    }

    /// <summary>3 分钟前 / 刚刚</summary>
    public string Ago(DateTime at)
    {
        var minutes = (int)(clock.GetUtcNow().UtcDateTime - at).TotalMinutes;
        return minutes < 1 ? "刚刚" : $"{minutes} 分钟前";
    }
}
