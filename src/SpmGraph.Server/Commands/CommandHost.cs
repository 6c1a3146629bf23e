using SpmGraph.Server.Database;

namespace SpmGraph.Server.Commands;

/// <summary>
/// The services a command works with, built as the server builds them (the same configuration
/// sources and keys, e.g. ConnectionStrings:Spm and Database:Provider), without the web host, and
/// with the database migrated and seeded as the server would.
/// </summary>
internal static class CommandHost
{
    public static async Task<WebApplication> StartAsync(string[] options, Action<IServiceCollection> configure, CancellationToken cancellationToken, bool quiet = false)
    {
        var builder = WebApplication.CreateBuilder(options);

        // A command's output is its report; the framework's and EF Core's per-statement logs would drown it.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        if (quiet)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        builder.Services.AddSpmDatabase(builder.Configuration, builder.Environment);
        configure(builder.Services);
        var app = builder.Build();
        try
        {
            await app.Services.InitializeSpmDatabaseAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
