using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Stats;

[Collection(ServerFixtureGroup.Name)]
public sealed class PlanAndReportingStatsTests(SpmGraphFactory factory)
{
    // Measures are checked over every row, so these read as NATIONAL (scopes have their own tests).
    private string National => factory.TokenFor(AccessRole.National);

    [Fact]
    public async Task Plan_measures_per_province_equal_sums_over_the_raw_plans()
    {
        var data = await factory.ExecuteDataAsAsync(National,
            """
            {
              planStats(where: { year: { eq: 2024 } }, groupBy: [PROVINCE], first: 50) {
                totalCount
                nodes { key { province { code } } count regionCount target budgetNeeded budgetAllocated budgetGap unbudgetedCount unbudgetedRate }
              }
            }
            """);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        var plans = await db.Plans.Where(p => p.Year == 2024)
            .Select(p => new { Province = p.Region!.Parent!.Code ?? p.Region.Code, Region = p.RegionId, p.Target, p.BudgetNeeded, p.BudgetAllocated })
            .ToListAsync();
        var expected = plans.GroupBy(p => p.Province).ToDictionary(g => g.Key);

        Assert.Equal(38, (int)data["planStats"]!["totalCount"]!);
        foreach (var node in data["planStats"]!["nodes"]!.AsArray())
        {
            var group = expected[(string)node!["key"]!["province"]!["code"]!].ToList();
            Assert.Equal(group.Count, (int)node["count"]!);
            Assert.Equal(group.Select(p => p.Region).Distinct().Count(), (int)node["regionCount"]!);
            Assert.Equal(group.Sum(p => p.Target), (long)node["target"]!);
            Assert.Equal(group.Sum(p => p.BudgetNeeded), (long)node["budgetNeeded"]!);
            Assert.Equal(group.Sum(p => p.BudgetAllocated), (long)node["budgetAllocated"]!);
            Assert.Equal(group.Sum(p => Math.Max(0, p.BudgetNeeded - p.BudgetAllocated)), (long)node["budgetGap"]!);
            Assert.Equal(group.Count(p => p.BudgetAllocated < p.BudgetNeeded), (int)node["unbudgetedCount"]!);
            Assert.Equal(group.Count(p => p.BudgetAllocated < p.BudgetNeeded) * 100.0 / group.Count, (double)node["unbudgetedRate"]!, new Tolerance());
        }
    }

    [Fact]
    public async Task Reporting_measures_per_province_follow_the_contract_definitions()
    {
        var data = await factory.ExecuteDataAsAsync(National,
            """
            {
              reportingStats(where: { year: { eq: 2024 }, quarter: { eq: 2 } }, groupBy: [PROVINCE], first: 50, order: [{ onTimeRate: ASC }]) {
                totalCount
                nodes { key { province { code } } regionCount reportCount reportedCount notReportedCount onTimeCount lateCount verifiedCount rejectedCount draftCount onTimeRate reportedRate }
              }
            }
            """);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        var closes = (await db.ReportingPeriods.SingleAsync(p => p.Year == 2024 && p.Quarter == 2)).ClosesAt;
        var regions = await db.Regions.Select(r => new { r.Id, Province = r.Parent!.Code ?? r.Code }).ToListAsync();
        var reports = await db.Reports.Where(r => r.Year == 2024 && r.Quarter == 2).ToDictionaryAsync(r => r.RegionId, r => new { r.SubmittedAt, r.Status });
        var published = new[] { ReportStatus.Submitted, ReportStatus.Verified };
        var nodes = data["reportingStats"]!["nodes"]!.AsArray();

        Assert.Equal(38, nodes.Count);
        Assert.Equal(nodes.Select(n => (double)n!["onTimeRate"]!).Order(), nodes.Select(n => (double)n!["onTimeRate"]!));
        foreach (var node in nodes)
        {
            // Every region of the province owes a report, whether a row exists or not.
            var owed = regions.Where(r => r.Province == (string)node!["key"]!["province"]!["code"]!).Select(r => reports.GetValueOrDefault(r.Id)).ToList();
            var submitted = owed.Where(r => r is not null && published.Contains(r.Status)).ToList();
            var onTime = submitted.Count(r => r!.SubmittedAt < closes);
            Assert.Equal(owed.Count, (int)node!["regionCount"]!);
            Assert.Equal(owed.Count, (int)node["reportCount"]!);
            Assert.Equal(submitted.Count, (int)node["reportedCount"]!);
            Assert.Equal(owed.Count - submitted.Count, (int)node["notReportedCount"]!);
            Assert.Equal(onTime, (int)node["onTimeCount"]!);
            Assert.Equal(submitted.Count(r => r!.SubmittedAt >= closes), (int)node["lateCount"]!);
            Assert.Equal(owed.Count(r => r?.Status == ReportStatus.Verified), (int)node["verifiedCount"]!);
            Assert.Equal(owed.Count(r => r?.Status == ReportStatus.Rejected), (int)node["rejectedCount"]!);
            Assert.Equal(owed.Count(r => r?.Status == ReportStatus.Draft), (int)node["draftCount"]!);
            Assert.Equal(onTime * 100.0 / owed.Count, (double)node["onTimeRate"]!, new Tolerance());
            Assert.Equal(submitted.Count * 100.0 / owed.Count, (double)node["reportedRate"]!, new Tolerance());
        }

        // Sumatera Selatan is the province the seed makes report late most often.
        Assert.True((double)nodes.Single(n => (string)n!["key"]!["province"]!["code"]! == "16")!["onTimeRate"]! < 100);
    }
}
