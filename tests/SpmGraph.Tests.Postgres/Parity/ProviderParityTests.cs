using System.Text.Json;
using System.Text.Json.Nodes;
using SpmGraph.Server.Database;
using SpmGraph.Tests.Contract;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Parity;

/// <summary>A SQLite host beside the suite's PostgreSQL one, for the parity tests to compare with.</summary>
public sealed class SqliteReferenceHost : IDisposable
{
    public SpmGraphFactory Host { get; } = new(DatabaseProvider.Sqlite);

    public void Dispose() => Host.Dispose();
}

/// <summary>
/// The same request on PostgreSQL and on SQLite must give the same response, byte for byte: the
/// contract's operations, and filters and sorts where the engines are known to differ (collation,
/// case folding, LIKE wildcards, null ordering, timestamps, floating point).
/// </summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class ProviderParityTests(SpmGraphFactory postgres, SqliteReferenceHost sqlite) : IClassFixture<SqliteReferenceHost>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static TheoryData<string, string> Queries => new()
    {
        // Collation: byte order, as SQLite's BINARY, not the server's linguistic order.
        { "regions by name", "{ regions(first: 100, order: [{ name: ASC }]) { totalCount nodes { code name } } }" },
        { "regions by kind then name descending", "{ regions(first: 100, after: \"cG9zOjk5\", order: [{ kind: ASC }, { name: DESC }]) { nodes { code kind name } } }" },
        { "OPDs by name from the end", "{ opds(last: 100, order: [{ name: ASC }]) { totalCount nodes { name region { code } } } }" },
        { "indicators by recipient", "{ indicators(first: 50, order: [{ recipient: DESC }, { name: ASC }]) { nodes { code recipient } } }" },
        { "regions by parent name (provinces have none)", "{ regions(first: 60, order: [{ parent: { name: DESC } }, { code: ASC }]) { nodes { code parent { name } } } }" },

        // Text operations, case-sensitive and not.
        { "contains", "{ regions(first: 100, where: { name: { contains: \"ang\" } }) { totalCount nodes { code } } }" },
        { "contains is case-sensitive", "{ regions(first: 10, where: { name: { contains: \"kota\" } }) { totalCount } }" },
        { "containsIgnoreCase", "{ regions(first: 100, where: { name: { containsIgnoreCase: \"KOTA\" } }) { totalCount nodes { code } } }" },
        { "startsWith is case-sensitive", "{ a: regions(first: 10, where: { name: { startsWith: \"kab\" } }) { totalCount } b: regions(first: 0, where: { name: { nstartsWith: \"kota\" } }) { totalCount } }" },
        { "endsWith is case-sensitive", "{ a: regions(first: 10, where: { name: { endsWith: \"utara\" } }) { totalCount } b: opds(first: 0, where: { name: { nendsWith: \"bandung\" } }) { totalCount } }" },
        { "startsWithIgnoreCase", "{ opds(first: 100, where: { name: { startsWithIgnoreCase: \"dinas kesehatan kota\" } }) { totalCount nodes { name } } }" },
        { "endsWith and its negation", "{ a: regions(first: 100, where: { name: { endsWith: \"Utara\" } }) { totalCount nodes { code } } b: regions(first: 0, where: { name: { nendsWith: \"Utara\" } }) { totalCount } }" },
        { "endsWithIgnoreCase", "{ regions(first: 100, where: { name: { endsWithIgnoreCase: \"SELATAN\" } }) { totalCount nodes { code } } }" },
        { "eqIgnoreCase and neqIgnoreCase", "{ a: regions(first: 5, where: { name: { eqIgnoreCase: \"KOTA BANDUNG\" } }) { nodes { code } } b: regions(first: 0, where: { name: { neqIgnoreCase: \"kota bandung\" } }) { totalCount } }" },
        { "negated ignore-case text operations", "{ a: regions(first: 0, where: { name: { ncontainsIgnoreCase: \"kab\" } }) { totalCount } b: regions(first: 0, where: { name: { nstartsWithIgnoreCase: \"KOTA\" } }) { totalCount } }" },
        { "LIKE wildcards are literal", "{ a: regions(first: 5, where: { name: { contains: \"%\" } }) { totalCount } b: regions(first: 5, where: { name: { startsWith: \"Kota_\" } }) { totalCount } c: regions(first: 5, where: { code: { endsWith: \"_1\" } }) { totalCount } d: regions(first: 5, where: { name: { containsIgnoreCase: \"a%a\" } }) { totalCount } }" },
        { "text in and nin", "{ regions(first: 10, where: { code: { in: [\"19\", \"19.71\", \"32.73\"] }, name: { nin: [\"Kota Bandung\"] } }) { nodes { code name } } }" },
        { "program codes", "{ plans(first: 20, where: { programCode: { startsWith: \"1.02\" }, year: { eq: 2024 } }, order: [{ programCode: DESC }, { budgetGap: DESC }]) { totalCount nodes { programCode budgetGap } } }" },

        // Null ordering, floating point and derived figures.
        { "quality, nulls last", "{ achievements(first: 30, where: { year: { eq: 2025 }, quarter: { eq: 4 } }, order: [{ qualityRate: DESC }]) { nodes { id qualityRate } } }" },
        { "quality, nulls first", "{ achievements(last: 30, where: { year: { eq: 2025 }, quarter: { eq: 4 } }, order: [{ qualityRate: DESC }]) { nodes { id qualityRate } } }" },
        { "null quality", "{ achievements(first: 20, where: { qualityRate: { eq: null }, year: { eq: 2023 } }) { totalCount nodes { id } } }" },
        { "achievement rate above 100", "{ achievements(first: 50, where: { achievementRate: { gt: 100 }, quarter: { eq: 4 } }, order: [{ achievementRate: DESC }]) { totalCount nodes { id target served achievementRate spmIndex band } } }" },
        { "achievement rate at most 30", "{ achievements(first: 50, where: { achievementRate: { lte: 30 }, year: { eq: 2024 }, quarter: { eq: 4 } }, order: [{ achievementRate: ASC }, { qualityRate: ASC }]) { totalCount nodes { id achievementRate qualityRate spmIndex band } } }" },
        { "zero targets", "{ achievements(first: 20, where: { target: { eq: 0 } }) { totalCount nodes { id achievementRate spmIndex band } } }" },
        { "budgets", "{ plans(first: 30, where: { unbudgeted: { eq: true }, budgetGap: { gte: 1000000 } }, order: [{ budgetGap: DESC }]) { totalCount nodes { target unitCost budgetNeeded budgetAllocated budgetGap unbudgeted } } }" },
        { "statuses by name", "{ reports(first: 50, where: { year: { eq: 2025 } }, order: [{ status: ASC }, { region: { code: DESC } }]) { nodes { region { code } quarter status } } }" },

        // Aggregates: sums of bigints, means of doubles, counts, ratios, having and order on measures.
        { "achievement stats by kind and year", "{ achievementStats(groupBy: [REGION_KIND, YEAR], order: [{ spmIndex: DESC }]) { totalCount nodes { key { regionKind year } count regionCount target served achievementRate meanRegionRate minRate maxRate completeCount qualityRate spmIndex band } } }" },
        { "achievement stats by OPD", "{ achievementStats(groupBy: [OPD], where: { year: { eq: 2025 } }, order: [{ meanRegionRate: DESC }], first: 50) { totalCount nodes { key { opd { name } } count meanRegionRate qualityRate spmIndex band } } }" },
        { "achievement stats having a mean", "{ achievementStats(groupBy: [INDICATOR, QUARTER], having: { qualityRate: { gte: 79 } }, order: [{ spmIndex: ASC }], first: 60) { totalCount nodes { key { indicator { code } quarter } qualityRate spmIndex achievementRate } } }" },
        { "achievement stats of everything", "{ achievementStats { nodes { count target served achievementRate meanRegionRate minRate maxRate completeCount qualityRate spmIndex band } } }" },
        { "plan stats by sector and year", "{ planStats(groupBy: [SECTOR, YEAR], order: [{ unbudgetedRate: DESC }]) { totalCount nodes { key { sector year } count regionCount target budgetNeeded budgetAllocated budgetGap unbudgetedCount unbudgetedRate } } }" },
        { "reporting stats by kind and quarter", "{ reportingStats(groupBy: [REGION_KIND, YEAR, QUARTER], order: [{ onTimeRate: ASC }]) { totalCount nodes { key { regionKind year quarter } reportCount regionCount reportedCount onTimeCount lateCount verifiedCount rejectedCount draftCount onTimeRate reportedRate } } }" },
        { "a province's roll-up", "{ region(code: \"32\") { achievementStats(groupBy: [SECTOR], where: { year: { eq: 2024 }, quarter: { eq: 4 } }) { nodes { key { sector } count meanRegionRate qualityRate spmIndex band } } } }" },

        // Timestamps: filters, ordering and the values themselves.
        { "submitted after an instant", "{ reports(first: 50, where: { submittedAt: { gte: \"2024-07-01T00:00:00Z\", lt: \"2024-07-15T12:30:00Z\" } }, order: [{ submittedAt: DESC }]) { totalCount nodes { region { code } submittedAt verifiedAt onTime } } }" },
        { "unsubmitted first", "{ reports(first: 50, order: [{ submittedAt: DESC }, { verifiedAt: ASC }]) { nodes { region { code } year quarter status submittedAt } } }" },
        { "late reports", "{ reports(first: 50, where: { onTime: { eq: false }, region: { code: { startsWith: \"16\" } } }, order: [{ verifiedAt: DESC }]) { totalCount nodes { region { code } year quarter submittedAt verifiedAt onTime rowCount } } }" },
        { "reporting periods", "{ reportingPeriods(where: { opensAt: { gt: \"2024-01-01T00:00:00Z\" } }) { nodes { year quarter opensAt closesAt } } }" },
    };

    [Theory]
    [MemberData(nameof(ContractOperationTests.Queries), MemberType = typeof(ContractOperationTests))]
    public async Task Contract_query_answers_the_same_on_PostgreSQL_as_on_SQLite(string operation, string snapshot, object variables)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await AssertSameAsync(ContractOperations.Operation(operation), variables, expectData: true);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Filters_and_sorts_answer_the_same_on_PostgreSQL_as_on_SQLite(string name, string query)
    {
        ArgumentNullException.ThrowIfNull(name);
        await AssertSameAsync(query, null, expectData: true);
    }

    [Fact]
    public async Task Paging_through_cities_gives_the_same_pages_on_both()
    {
        var query = ContractOperations.Operation("CitiesOfProvince");
        string? after = null;
        do
        {
            var page = await AssertSameAsync(query, new { province = "33", after }, expectData: true);
            var regions = page["data"]!["regions"]!;
            after = (bool)regions["pageInfo"]!["hasNextPage"]! ? (string?)regions["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);
    }

    [Fact]
    public async Task Errors_are_the_same_on_both()
    {
        await AssertSameAsync("{ regions(first: 101) { nodes { code } } }", null, expectData: false);
        await AssertSameAsync("{ regions(where: { code: { contains: null } }) { nodes { code } } }", null, expectData: false);
    }

    private async Task<JsonObject> AssertSameAsync(string query, object? variables, bool expectData)
    {
        Assert.Equal(DatabaseProvider.Postgres, postgres.Provider);
        var onSqlite = await sqlite.Host.ExecuteAsync(query, variables);
        var onPostgres = await postgres.ExecuteAsync(query, variables);

        var expected = onSqlite.ToJsonString(Indented);
        if (expectData)
        {
            // Identical errors would pass too; the cases are meant to return data.
            Assert.True(onSqlite["errors"] is null, "SQLite answered with errors:\n" + expected);
        }

        Assert.Equal(expected, onPostgres.ToJsonString(Indented));
        return onPostgres;
    }
}
