using System.Reflection;
using SpmGraph.Server.Database;

namespace SpmGraph.Tests.Infrastructure;

/// <summary>
/// The provider this test assembly runs the suite on. SpmGraph.Tests runs it on SQLite;
/// SpmGraph.Tests.Postgres compiles the same sources and says Postgres in its project file.
/// </summary>
public static class TestProvider
{
    public const string MetadataKey = "SpmGraph.Tests.Provider";

    public static DatabaseProvider Current { get; } = Read();

    private static DatabaseProvider Read()
    {
        var value = typeof(TestProvider).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == MetadataKey)?.Value;
        return value is null ? DatabaseProvider.Sqlite : Enum.Parse<DatabaseProvider>(value);
    }
}
