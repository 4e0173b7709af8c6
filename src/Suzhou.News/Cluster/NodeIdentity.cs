using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Suzhou.News.Cluster;

/// <summary>
/// Who this running instance is, for the lease table and the change notices: the configured node name (or the machine
/// name) plus a random suffix, so two instances never pass for one even when their names are the same.
/// </summary>
public sealed class NodeIdentity
{
    public NodeIdentity(string name)
    {
        Name = name;
        Id = $"{name}/{Environment.ProcessId}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
    }

    public NodeIdentity(IOptions<ClusterOptions> options)
        : this(string.IsNullOrWhiteSpace(options.Value.NodeName) ? Environment.MachineName : options.Value.NodeName.Trim())
    {
    }

    /// <summary>The readable name (configured or the machine name).</summary>
    public string Name { get; }

    /// <summary>Unique for this process and host: what the lease table records as holder.</summary>
    public string Id { get; }

    public const int IdMaxLength = 200;
}
