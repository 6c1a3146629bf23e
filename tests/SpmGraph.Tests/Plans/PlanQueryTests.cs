using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Plans;

[Collection(ServerFixtureGroup.Name)]
public sealed class PlanQueryTests(SpmGraphFactory factory)
{
    [Fact]
    public async Task Plans_answer_budget_fields()
    {
        var data = await factory.ExecuteDataAsync(
            """
            {
              plans(first: 5) {
                totalCount
                nodes {
                  region { code } indicator { code } opd { name }
                  year target unitCost budgetNeeded budgetAllocated budgetGap unbudgeted programCode planPeriod
                }
              }
            }
            """);

        Snap.Match(data);
    }

    [Fact]
    public async Task Budget_gap_and_unbudgeted_follow_the_contract()
    {
        var data = await factory.ExecuteDataAsync(
            "{ plans(first: 100) { nodes { budgetNeeded budgetAllocated budgetGap unbudgeted } } }");

        foreach (var plan in data["plans"]!["nodes"]!.AsArray())
        {
            var needed = (long)plan!["budgetNeeded"]!;
            var allocated = (long)plan["budgetAllocated"]!;
            Assert.Equal(Math.Max(0, needed - allocated), (long)plan["budgetGap"]!);
            Assert.Equal(allocated < needed, (bool)plan["unbudgeted"]!);
        }
    }
}
