using System.Text.Json.Nodes;
using SpmGraph.Tests.Infrastructure;
using SpmGraph.Tests.Writing;

namespace SpmGraph.Tests.Achievements;

/// <summary>Parallel writers of one achievement row never lose an update silently.</summary>
[Collection(WriteHostGroup.Name)]
public sealed class ConcurrentRecordAchievementTests(SpmGraphFactory factory) : IAsyncLifetime
{
    private const int Year = 2032;
    private const int Writers = 10;

    // Found by the version check (SQLite: writers take turns) or by the database (PostgreSQL: a serialization failure).
    private static readonly string[] ConflictErrors = ["CONFLICT input", "CONFLICT input.expectedVersion"];

    public Task InitializeAsync() => factory.PeriodsAsync(Year);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Parallel_writers_each_succeed_or_get_CONFLICT_and_the_row_ends_as_the_last_success()
    {
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("32.01", Year, 1, served: 100)));

        var payloads = await WriteInParallelAsync("32.01", expectedVersion: null);

        var successes = Successes(payloads);
        Assert.NotEmpty(successes);

        // Versions count the writes: every success got its own, one after the other.
        Assert.Equal(Enumerable.Range(2, successes.Count), successes.Select(s => s.Version).Order());
        var last = successes.MaxBy(s => s.Version);
        var row = await ReadAsync("32.01");
        Assert.Equal(last.Served, (long)row["served"]!);
        Assert.Equal(last.Version, (int)row["version"]!);
        Assert.Equal(1 + successes.Count, row["history"]!.AsArray().Count);
    }

    [Fact]
    public async Task Parallel_writers_that_read_the_same_version_one_wins_the_others_get_CONFLICT()
    {
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("32.02", Year, 1, served: 100)));

        var payloads = await WriteInParallelAsync("32.02", expectedVersion: 1);

        var successes = Successes(payloads);
        var winner = Assert.Single(successes);
        Assert.Equal(2, winner.Version);
        var row = await ReadAsync("32.02");
        Assert.Equal(winner.Served, (long)row["served"]!);
        Assert.Equal(2, row["history"]!.AsArray().Count);
    }

    /// <summary>Makes <see cref="Writers"/> concurrent recordAchievement calls on one row, served 200, 201, ...; every payload either has the row or exactly CONFLICT.</summary>
    private async Task<JsonObject[]> WriteInParallelAsync(string region, int? expectedVersion)
    {
        using var start = new SemaphoreSlim(0);
        var writers = Enumerable.Range(0, Writers).Select(async i =>
        {
            var input = Writes.Row(region, Year, 1, served: 200 + i);
            input["expectedVersion"] = expectedVersion;
            await start.WaitAsync();

            // ExecuteDataAsync fails the test on any request error: no exception, no 500.
            return await factory.RecordAsync(input, "achievement { version served }");
        }).ToList();
        start.Release(Writers);
        var payloads = await Task.WhenAll(writers);

        foreach (var payload in payloads)
        {
            if (payload["achievement"] is null)
            {
                Assert.Contains(Assert.Single(Writes.ErrorsOf(payload)), ConflictErrors);
            }
            else
            {
                Writes.AssertSucceeded(payload);
            }
        }

        return payloads;
    }

    private static List<(int Version, long Served)> Successes(JsonObject[] payloads) =>
        [.. payloads.Where(p => p["achievement"] is not null).Select(p => ((int)p["achievement"]!["version"]!, (long)p["achievement"]!["served"]!))];

    private async Task<JsonNode> ReadAsync(string region)
    {
        var data = await factory.ReadAsync(
            "query($region: String!, $year: Int!) { achievements(where: { region: { code: { eq: $region } }, year: { eq: $year } }) { nodes { served version history { action } } } }",
            new { region, year = Year });
        return Assert.Single(data["achievements"]!["nodes"]!.AsArray())!;
    }
}
