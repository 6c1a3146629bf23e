using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Reports;

[Collection(ServerFixtureGroup.Name)]
public sealed class ReportQueryTests(SpmGraphFactory factory)
{
    [Fact]
    public async Task Reports_periods_and_scoring_schemes_answer_with_seeded_data()
    {
        // As NATIONAL: every region owes a report each quarter, drafts included.
        var data = await factory.ExecuteDataAsAsync(
            factory.TokenFor(AccessRole.National),
            """
            {
              reportingPeriods(first: 20) { totalCount nodes { year quarter opensAt closesAt } }
              reports(first: 5) { totalCount nodes { id region { code } year quarter status submittedAt verifiedAt onTime rowCount } }
              scoringSchemes { code name version recipientWeight qualityWeight isActive source bands { code label lowerBound } }
            }
            """);

        Assert.Equal(12, (int)data["reportingPeriods"]!["totalCount"]!);
        Assert.Equal(552 * 12, (int)data["reports"]!["totalCount"]!);
        Snap.Match(data);
    }

    [Fact]
    public async Task On_time_and_row_count_agree_with_the_raw_rows()
    {
        var data = await factory.ExecuteDataAsync(
            "{ reports(first: 100) { nodes { id year quarter submittedAt onTime rowCount region { code } } } }");

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        var periods = await db.ReportingPeriods.ToDictionaryAsync(p => (p.Year, p.Quarter));
        var rowCounts = await db.Achievements.GroupBy(a => new { a.Region!.Code, a.Year, a.Quarter })
            .Select(g => new { g.Key.Code, g.Key.Year, g.Key.Quarter, Count = g.Count() })
            .ToDictionaryAsync(g => (g.Code, g.Year, g.Quarter), g => g.Count);

        foreach (var report in data["reports"]!["nodes"]!.AsArray())
        {
            var year = (int)report!["year"]!;
            var quarter = (int)report["quarter"]!;
            var submittedAt = (DateTime?)report["submittedAt"];
            bool? expectedOnTime = submittedAt is null ? null : submittedAt.Value.ToUniversalTime() < periods[(year, quarter)].ClosesAt;

            Assert.Equal(expectedOnTime, (bool?)report["onTime"]);
            Assert.Equal(rowCounts[((string)report["region"]!["code"]!, year, quarter)], (int)report["rowCount"]!);
        }
    }
}
