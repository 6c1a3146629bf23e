namespace SpmGraph.Tests.Infrastructure;

/// <summary>
/// Files of the repository (the folder with SpmGraph.sln) that tests read. Nothing outside it: a fresh clone with
/// nothing beside it passes the suite (.ci/run checks that).
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindUp(AppContext.BaseDirectory, dir => File.Exists(Path.Combine(dir, "SpmGraph.sln")))
        ?? throw new InvalidOperationException("SpmGraph.sln not found above " + AppContext.BaseDirectory);

    public static string SchemaFile => InRepository("schema", "schema.graphql");

    /// <summary>The published API contract's operations (docs/api/contract.graphql).</summary>
    public static string ContractFile => InRepository("docs", "api", "contract.graphql");

    /// <summary>The idn-area-data 4.0.1 CSVs that regions.csv is derived from (ODbL; docs/reference/README.md).</summary>
    public static string IdnAreaData => InRepository("docs", "reference", "idn-area-data");

    /// <summary>A path under the repository root.</summary>
    public static string InRepository(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string? FindUp(string start, Func<string, bool> found)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (found(dir.FullName))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
