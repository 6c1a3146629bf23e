using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Writing;

/// <summary>
/// The write tests' own host (a second <see cref="SpmGraphFactory"/>, seeded like the shared one).
/// The shared host's tests count and snapshot every reporting period, report and yearly trend, so
/// a period or report made by a write test would change what they see, depending on test order.
/// Write tests still touch only years the seed does not have (2019, 2030 and later).
/// </summary>
[CollectionDefinition(Name)]
public sealed class WriteHostGroup : ICollectionFixture<SpmGraphFactory>
{
    public const string Name = "writes";
}

/// <summary>Row counts of the written tables, to show that a refused write wrote nothing.</summary>
internal sealed record TableCounts(int Achievements, int Reports, int Plans, int ReportingPeriods, int AuditEntries);

/// <summary>Mutations and reads the write tests share.</summary>
internal static class Writes
{
    public const string UserErrors = "errors { code message path }";

    /// <summary>Runs `name(input: $input) { selection errors }` and returns the payload; fails on request errors (a 500 or an exception).</summary>
    public static async Task<JsonObject> MutateAsync(this SpmGraphFactory factory, string name, string inputType, object input, string selection)
    {
        var data = await factory.ExecuteDataAsAsync(
            factory.WriterFor(name, input),
            $"mutation($input: {inputType}!) {{ {name}(input: $input) {{ {selection} {UserErrors} }} }}",
            new { input });
        return data[name]!.AsObject();
    }

    public static Task<JsonObject> RecordAsync(this SpmGraphFactory factory, object input, string selection = "achievement { id version status target served qualityRate budgetRealized }") =>
        factory.MutateAsync("recordAchievement", "RecordAchievementInput", input, selection);

    public static Task<JsonObject> ReportStepAsync(this SpmGraphFactory factory, string step, object input, string selection = "report { version status submittedAt verifiedAt onTime rowCount rejectionReason }")
    {
        var inputType = char.ToUpperInvariant(step[0]) + step[1..] + "Input";
        return factory.MutateAsync(step, inputType, input, selection);
    }

    /// <summary>
    /// The caller entitled to a mutation (README, "Authentication and roles"): the region itself for its
    /// data, its province (NATIONAL for a province) to verify or reject, NATIONAL for reporting periods.
    /// </summary>
    public static string WriterFor(this SpmGraphFactory factory, string mutation, object input)
    {
        if (mutation == "upsertReportingPeriod")
        {
            return factory.TokenFor(AccessRole.National);
        }

        var region = (string)JsonSerializer.SerializeToNode(input)!["regionCode"]!;
        var province = region.Contains('.', StringComparison.Ordinal) ? region.Split('.')[0] : null;
        return mutation is "verifyReport" or "rejectReport"
            ? province is null ? factory.TokenFor(AccessRole.National) : factory.TokenFor(AccessRole.Province, province)
            : factory.TokenFor(AccessRole.Region, region);
    }

    /// <summary>Runs one of the contract's mutations as the caller entitled to it.</summary>
    public static Task<JsonObject> ContractWriteAsync(this SpmGraphFactory factory, string operation, object variables)
    {
        var mutation = char.ToLowerInvariant(operation[0]) + operation[1..];
        var input = JsonSerializer.SerializeToNode(variables)!["input"]!;
        return factory.ExecuteDataAsAsync(factory.WriterFor(mutation, input), ContractOperations.Operation(operation), variables);
    }

    /// <summary>Reads as NATIONAL: the write tests look at drafts, which the public view hides.</summary>
    public static Task<JsonObject> ReadAsync(this SpmGraphFactory factory, string query, object? variables = null) =>
        factory.ExecuteDataAsAsync(factory.TokenFor(AccessRole.National), query, variables);

    /// <summary>An achievement input with every field, for a kab/kota jenis unless told otherwise.</summary>
    public static Dictionary<string, object?> Row(string region, int year, int quarter, long served, string indicator = "KES.KK.01", long target = 1_000, double? quality = 90, long budget = 1_000_000) => new()
    {
        ["regionCode"] = region,
        ["indicatorCode"] = indicator,
        ["year"] = year,
        ["quarter"] = quarter,
        ["target"] = target,
        ["served"] = served,
        ["qualityRate"] = quality,
        ["budgetRealized"] = budget,
    };

    /// <summary>
    /// Reporting periods for every quarter of <paramref name="year"/>, opening on the first day after
    /// the quarter and closing on the 20th, as Kemendagri's are (midnight WIB).
    /// </summary>
    public static async Task PeriodsAsync(this SpmGraphFactory factory, int year)
    {
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var opens = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(quarter * 3).AddHours(-7);
            await factory.PeriodAsync(year, quarter, opens, opens.AddDays(19));
        }
    }

    public static async Task PeriodAsync(this SpmGraphFactory factory, int year, int quarter, DateTime opensAt, DateTime closesAt)
    {
        var payload = await factory.MutateAsync(
            "upsertReportingPeriod",
            "UpsertReportingPeriodInput",
            new { year, quarter, opensAt, closesAt },
            "reportingPeriod { year }");
        AssertSucceeded(payload);
    }

    public static void AssertSucceeded(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        Assert.True(payload["errors"]!.AsArray().Count == 0, "Unexpected user errors: " + payload["errors"]!.ToJsonString());
    }

    /// <summary>The payload's errors as "CODE input.field" lines, in order.</summary>
    public static string[] ErrorsOf(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return [.. payload["errors"]!.AsArray().Select(e => $"{(string)e!["code"]!} {string.Join('.', e["path"]!.AsArray().Select(p => (string)p!))}")];
    }

    public static async Task<TableCounts> CountsAsync(this SpmGraphFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        return new TableCounts(
            await db.Achievements.CountAsync(),
            await db.Reports.CountAsync(),
            await db.Plans.CountAsync(),
            await db.ReportingPeriods.CountAsync(),
            await db.AuditEntries.CountAsync());
    }

    /// <summary>A payload with its ids left out (they depend on what other tests wrote first), for snapshots.</summary>
    public static JsonNode WithoutIds(JsonNode node)
    {
        var copy = JsonNode.Parse(node.ToJsonString())!;
        Strip(copy);
        return copy;

        static void Strip(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    obj.Remove("id");
                    foreach (var (_, child) in obj.ToList())
                    {
                        Strip(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Strip(child);
                    }

                    break;
            }
        }
    }
}
