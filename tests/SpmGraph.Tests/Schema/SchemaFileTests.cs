using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Schema;

[Collection(ServerFixtureGroup.Name)]
public sealed class SchemaFileTests(SpmGraphFactory factory)
{
    [Fact]
    public void Schema_matches_its_snapshot_and_the_schema_file()
    {
        var printed = PrintSchema(factory.Services);
        Snapshooter.Xunit.Snapshot.Match(printed);

        var path = RepositoryPaths.SchemaFile;

        if (Environment.GetEnvironmentVariable("SPMGRAPH_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, printed);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(
            committed == printed,
            "schema/schema.graphql differs from the live schema. Regenerate it with " +
            "`SPMGRAPH_UPDATE_SCHEMA=1 dotnet test --filter Schema_matches_its_snapshot_and_the_schema_file` " +
            "(or `curl 'http://localhost:5000/graphql?sdl' > schema/schema.graphql`) and review the diff.");
    }

    internal static string PrintSchema(IServiceProvider services)
    {
        var schema = services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
