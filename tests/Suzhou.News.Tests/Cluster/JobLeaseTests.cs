using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Suzhou.News.Cluster;

namespace Suzhou.News.Tests.Cluster;

/// <summary>The job lease on the real database: one holder at a time, renewal, take-over after expiry, release.</summary>
public sealed class JobLeaseTests : IDisposable
{
    const string Job = JobLease.ScheduledPublishing;

    readonly NewsApp _app = new(new() { ["Database:SeedOnStartup"] = "false" });
    readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public void Dispose() => _app.Dispose();

    JobLeases Node(string name, bool clustered = true) => new(
        _app.Services.GetRequiredService<IServiceScopeFactory>(),
        _clock,
        new NodeIdentity(name),
        Options.Create(new ClusterOptions { Enabled = clustered, LeaseSeconds = 90 }),
        NullLogger<JobLeases>.Instance);

    [Fact]
    public async Task The_first_node_holds_the_job_and_keeps_it_while_it_renews()
    {
        var a = Node("a");
        var b = Node("b");

        Assert.True(await a.TryHoldAsync(Job));
        Assert.False(await b.TryHoldAsync(Job));
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.True(await a.TryHoldAsync(Job)); // renewed for another 90 s from here
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.False(await b.TryHoldAsync(Job));
    }

    [Fact]
    public async Task Another_node_takes_over_when_the_holder_stops_renewing()
    {
        var a = Node("a");
        var b = Node("b");
        Assert.True(await a.TryHoldAsync(Job));

        _clock.Advance(TimeSpan.FromSeconds(91));

        Assert.True(await b.TryHoldAsync(Job));
        Assert.False(await a.TryHoldAsync(Job));
    }

    [Fact]
    public async Task A_node_that_stops_hands_the_job_over_at_once()
    {
        var a = Node("a");
        var b = Node("b");
        Assert.True(await a.TryHoldAsync(Job));

        await a.ReleaseAsync(Job);

        Assert.True(await b.TryHoldAsync(Job));
    }

    [Fact]
    public async Task Of_many_nodes_trying_at_the_same_moment_exactly_one_gets_the_job()
    {
        var nodes = Enumerable.Range(0, 8).Select(i => Node("n" + i)).ToList();

        var results = await Task.WhenAll(nodes.Select(n => n.TryHoldAsync(Job)));

        Assert.Single(results, held => held);
    }

    [Fact]
    public async Task Leases_are_separate_per_job()
    {
        var a = Node("a");
        var b = Node("b");

        Assert.True(await a.TryHoldAsync(JobLease.ScheduledPublishing));
        Assert.True(await b.TryHoldAsync(JobLease.ViewCountPruning));
    }

    [Fact]
    public async Task A_single_node_runs_every_job_without_touching_the_lease_table()
    {
        var a = Node("a", clustered: false);
        var b = Node("b", clustered: false);

        Assert.True(await a.TryHoldAsync(Job));
        Assert.True(await b.TryHoldAsync(Job));
        Assert.Equal("", await _app.QueryAsync(db => db.JobLeases.Where(l => l.Name == Job).Select(l => l.Holder).SingleAsync()));
    }
}
