using System.Security.Claims;
using GraphQL;
using SpmGraph.GraphQL.Common;
using SpmGraph.Tests.Infrastructure;
using SpmGraph.Tests.Writing;

namespace SpmGraph.Tests.Audit;

/// <summary>The root auditLog connection, on the write host, in 2036.</summary>
[Collection(WriteHostGroup.Name)]
public sealed class AuditLogTests(SpmGraphFactory factory)
{
    private const int Year = 2036;

    [Fact]
    public async Task The_audit_log_filters_by_region_type_and_actor_and_lists_newest_first()
    {
        await factory.PeriodsAsync(Year);
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("52.01", Year, 1, served: 10)));
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("52.01", Year, 1, served: 25)));
        Writes.AssertSucceeded(await factory.ReportStepAsync("submitReport", new { regionCode = "52.01", year = Year, quarter = 1 }));

        var data = await factory.ReadAsync(
            """
            {
              rows: auditLog(where: { region: { code: { eq: "52.01" } }, entityType: { eq: ACHIEVEMENT }, actor: { eq: "test-region-52.01" } }) {
                totalCount
                nodes { entityType action actor region { code } changes { field oldValue newValue } }
              }
              reports: auditLog(where: { region: { code: { eq: "52.01" } }, entityType: { eq: REPORT } }, order: [{ at: ASC }]) {
                nodes { action }
              }
            }
            """);

        var rows = data["rows"]!;
        Assert.Equal(3, (int)rows["totalCount"]!);
        Assert.Equal(["UPDATED", "UPDATED", "CREATED"], rows["nodes"]!.AsArray().Select(n => (string)n!["action"]!));
        Assert.All(rows["nodes"]!.AsArray(), n => Assert.Equal("52.01", (string)n!["region"]!["code"]!));
        Assert.Equal(
            """[{"field":"served","oldValue":"10","newValue":"25"}]""",
            rows["nodes"]![1]!["changes"]!.ToJsonString());
        Assert.Contains(rows["nodes"]![0]!["changes"]!.AsArray(), c => (string)c!["field"]! == "status" && (string)c["newValue"]! == "SUBMITTED");
        Assert.Equal(["CREATED", "UPDATED"], data["reports"]!["nodes"]!.AsArray().Select(n => (string)n!["action"]!));
    }

    [Fact]
    public async Task Audit_entries_name_regions_and_indicators_by_code_and_reports_by_global_id()
    {
        await factory.PeriodsAsync(Year);
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("52.02", Year, 2, served: 10)));
        var ids = await factory.ReadAsync(
            """
            { achievements(where: { region: { code: { eq: "52.02" } }, year: { eq: 2036 } }) { nodes { history { changes { field newValue } } } }
              reports(where: { region: { code: { eq: "52.02" } }, year: { eq: 2036 } }) { nodes { id } } }
            """);

        var row = Assert.Single(ids["achievements"]!["nodes"]!.AsArray())!;
        var created = row["history"]!.AsArray().Last()!["changes"]!.AsArray().ToDictionary(c => (string)c!["field"]!, c => (string?)c!["newValue"]);
        Assert.Equal("52.02", created["regionCode"]);
        Assert.Equal("KES.KK.01", created["indicatorCode"]);
        Assert.Equal((string?)ids["reports"]!["nodes"]![0]!["id"], created["reportId"]);
        Assert.DoesNotContain("regionId", created.Keys);
        Assert.DoesNotContain("indicatorId", created.Keys);
    }

    [Fact]
    public void The_actor_is_the_signed_in_users_name_else_anonymous()
    {
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "operator.dinkes@1971")], "Bearer"));

        Assert.Equal("operator.dinkes@1971", MutationPayload.Actor(new ResolveFieldContext { User = signedIn }));
        Assert.Equal("anonymous", MutationPayload.Actor(new ResolveFieldContext { User = new ClaimsPrincipal(new ClaimsIdentity()) }));
        Assert.Equal("anonymous", MutationPayload.Actor(new ResolveFieldContext()));
    }
}
