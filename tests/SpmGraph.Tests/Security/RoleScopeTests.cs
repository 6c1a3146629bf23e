using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Security;

/// <summary>
/// Each role reads exactly its scope through lists, lookups and aggregates: the published rows of
/// everyone plus the unpublished rows of the regions it covers, and no count reveals more.
/// </summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class RoleScopeTests(SpmGraphFactory factory)
{
    private const string Probe = """
        query($code: String!) {
          achievements(where: { region: { code: { eq: $code } } }) { totalCount }
          reports(where: { region: { code: { eq: $code } } }) { totalCount }
          achievementStats(where: { region: { code: { eq: $code } } }) { nodes { count target } }
          reportingStats(where: { region: { code: { eq: $code } } }) { nodes { reportCount reportedCount draftCount rejectedCount } }
          region(code: $code) { achievementStats { nodes { count } } reportingStats { nodes { reportCount reportedCount } } }
        }
        """;

    public static TheoryData<string> Callers => ["anonymous", "national", "province", "region", "region-key"];

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Every_read_path_shows_a_caller_exactly_its_scope(string caller)
    {
        var regions = await RegionsWithUnpublishedRowsAsync();
        var (own, sibling, other) = (regions.Own, regions.Sibling, regions.Other);
        var credential = caller switch
        {
            "national" => factory.TokenFor(AccessRole.National),
            "province" => factory.TokenFor(AccessRole.Province, own.Parent),
            "region" => factory.TokenFor(AccessRole.Region, own.Code),
            "region-key" => "key:" + await KeyForAsync(AccessRole.Region, own.Code),
            _ => null,
        };

        foreach (var target in new[] { own, sibling, other })
        {
            var covered = caller switch
            {
                "national" => true,
                "province" => target.Parent == own.Parent,
                "region" or "region-key" => target.Code == own.Code,
                _ => false,
            };
            var expected = await CountsAsync(target.Code, covered);

            var body = await factory.ExecuteAsAsync(credential, Probe, new { code = target.Code });
            Assert.Null(body["errors"]);
            var data = body["data"]!;
            var because = $"{caller} reading {target.Code} (covered: {covered})";

            Assert.True(expected.Rows == (int)data["achievements"]!["totalCount"]!, because);
            Assert.True(expected.Reports == (int)data["reports"]!["totalCount"]!, because);
            Assert.True(expected.Rows == (int)data["achievementStats"]!["nodes"]![0]!["count"]!, because);
            Assert.True(expected.Target == (long)data["achievementStats"]!["nodes"]![0]!["target"]!, because);
            // Reports owed and reports submitted are public: the same for every caller.
            Assert.True(expected.Owed == (int)data["reportingStats"]!["nodes"]![0]!["reportCount"]!, because);
            Assert.True(expected.Published == (int)data["reportingStats"]!["nodes"]![0]!["reportedCount"]!, because);
            Assert.True(expected.Unpublished == (int)data["reportingStats"]!["nodes"]![0]!["draftCount"]! + (int)data["reportingStats"]!["nodes"]![0]!["rejectedCount"]!, because);
            Assert.True(expected.Rows == (int)data["region"]!["achievementStats"]!["nodes"]![0]!["count"]!, because);
            Assert.True(expected.Owed == (int)data["region"]!["reportingStats"]!["nodes"]![0]!["reportCount"]!, because);
            Assert.True(expected.Published == (int)data["region"]!["reportingStats"]!["nodes"]![0]!["reportedCount"]!, because);
        }
    }

    private async Task<(int Rows, long Target, int Reports, int Unpublished, int Owed, int Published)> CountsAsync(string code, bool covered)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        var published = new[] { ReportStatus.Submitted, ReportStatus.Verified };
        var rows = db.Achievements.Where(a => a.Region!.Code == code && (covered || published.Contains(a.Status)));
        var reports = db.Reports.Where(r => r.Region!.Code == code && (covered || published.Contains(r.Status)));
        // served and target are year-to-date: a group over several quarters reads each series' latest one the caller sees.
        var latestTarget = (await rows.Select(a => new { a.IndicatorId, a.Year, a.Quarter, a.Target }).ToListAsync())
            .GroupBy(a => (a.IndicatorId, a.Year)).Sum(g => g.MaxBy(a => a.Quarter)!.Target);
        return (await rows.CountAsync(), latestTarget, await reports.CountAsync(),
            await reports.CountAsync(r => !published.Contains(r.Status)), await db.ReportingPeriods.CountAsync(),
            await db.Reports.CountAsync(r => r.Region!.Code == code && published.Contains(r.Status)));
    }

    /// <summary>Three kabupaten/kota with drafts or rejections: two in one province, one elsewhere.</summary>
    private async Task<(Target Own, Target Sibling, Target Other)> RegionsWithUnpublishedRowsAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        var withDrafts = (await db.Reports
                .Where(r => (r.Status == ReportStatus.Draft || r.Status == ReportStatus.Rejected) && r.Region!.ParentId != null)
                .Select(r => new { r.Region!.Code, Parent = r.Region.Parent!.Code })
                .Distinct().ToListAsync())
            .OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var byProvince = withDrafts.GroupBy(r => r.Parent).First(g => g.Count() >= 2).ToList();
        var other = withDrafts.First(r => r.Parent != byProvince[0].Parent);
        return (new Target(byProvince[0].Code, byProvince[0].Parent), new Target(byProvince[1].Code, byProvince[1].Parent), new Target(other.Code, other.Parent));
    }

    private async Task<string> KeyForAsync(AccessRole role, string region) =>
        await factory.Services.GetRequiredService<SpmGraph.Server.Security.ApiKeyStore>()
            .CreateAsync($"scope-test-{Guid.NewGuid():N}", role, region, null, CancellationToken.None);

    private sealed record Target(string Code, string Parent);
}
