namespace SpmGraph.Tests.Infrastructure;

/// <summary>Finds the repository (the folder with SpmGraph.sln) and the shared/ folder beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindUp(AppContext.BaseDirectory, dir => File.Exists(Path.Combine(dir, "SpmGraph.sln")))
        ?? throw new InvalidOperationException("SpmGraph.sln not found above " + AppContext.BaseDirectory);

    public static string SchemaFile => Path.Combine(Root, "schema", "schema.graphql");

    /// <summary>The shared/ folder beside the repository (CI clones main with shared/ next to it).</summary>
    public static string Shared { get; } = FindUp(Root, dir => Directory.Exists(Path.Combine(dir, "shared", "api"))) is { } parent
        ? Path.Combine(parent, "shared")
        : throw new InvalidOperationException("shared/ not found beside " + Root);

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
