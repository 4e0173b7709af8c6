namespace Suzhou.News.Operations;

/// <summary>
/// One folder for everything the site writes: database, media, tip attachments, keys, logs.
/// <c>Storage:DataPath</c>, else the <c>SUZHOU_DATA_DIR</c> environment variable, else <c>App_Data</c> beside the app.
/// Media, attachments, keys and logs may each be moved elsewhere (<c>Storage:MediaPath</c> …): with several web
/// nodes, media and attachments go on a shared mount while each node keeps its own logs.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string EnvironmentVariable = "SUZHOU_DATA_DIR";

    string? _media;
    string? _attachments;
    string? _logs;
    string? _keys;

    public string DataPath { get; set; } = "";

    public string DatabaseFile => Path.Combine(DataPath, "suzhou-news.db");

    /// <summary>Pictures served at <c>/media</c>; <c>media</c> in the data folder unless set.</summary>
    public string MediaPath { get => _media ?? Path.Combine(DataPath, "media"); set => _media = Blank(value); }

    /// <summary>Rolling log files; per node, so never on a shared mount.</summary>
    public string LogsPath { get => _logs ?? Path.Combine(DataPath, "logs"); set => _logs = Blank(value); }

    /// <summary>Data-protection keys when <c>DataProtection:Store</c> is <c>Files</c>.</summary>
    public string KeysPath { get => _keys ?? Path.Combine(DataPath, "keys"); set => _keys = Blank(value); }

    /// <summary>Files sent with tips and reports: random names, never served publicly.</summary>
    public string AttachmentsPath { get => _attachments ?? Path.Combine(DataPath, "attachments"); set => _attachments = Blank(value); }

    /// <summary>Makes the folders that were set explicitly absolute, relative to <paramref name="root"/>.</summary>
    public void ResolveRelativeTo(string root)
    {
        _media = Resolve(_media, root);
        _logs = Resolve(_logs, root);
        _keys = Resolve(_keys, root);
        _attachments = Resolve(_attachments, root);
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    static string? Resolve(string? path, string root) => path is null ? null : Path.GetFullPath(path, root);
}
