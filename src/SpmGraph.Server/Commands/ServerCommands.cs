using SpmGraph.Server.Security;

namespace SpmGraph.Server.Commands;

/// <summary>
/// Commands the server binary runs instead of the web host, e.g.
/// `dotnet run --project src/SpmGraph.Server -- import achievements FILE.csv`. Options after the
/// command's own arguments are configuration, as for the server (`--ConnectionStrings:Spm=...`).
/// </summary>
public static class ServerCommands
{
    /// <summary>Runs the command <paramref name="args"/> names and sets the exit code; false when they name none (start the web host).</summary>
    public static async Task<bool> TryRunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var exitCode = await RunAsync(args, Console.Out, Console.Error, cancel.Token);
        if (exitCode is null)
        {
            return false;
        }

        Environment.ExitCode = exitCode.Value;
        return true;
    }

    private static async Task<int> RunSecurityCommandAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        // The whole command line doubles as configuration (e.g. --ConnectionStrings:Spm=...); only warnings are
        // logged, so the token or key stays the last line printed.
        await using var host = await CommandHost.StartAsync(
            args,
            services => services.AddSpmSecurity(),
            cancellationToken,
            quiet: true);
        return await SecurityCommands.RunAsync(args, host.Services, output, cancellationToken);
    }

    /// <summary>The exit code (0 done, 1 failed) of the command <paramref name="args"/> name, or null when they name none.</summary>
    public static async Task<int?> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.FirstOrDefault() switch
        {
            ImportCommand.Name => await ImportCommand.RunAsync(args[1..], output, error, cancellationToken),
            "token" or "apikey" => await RunSecurityCommandAsync(args, output, cancellationToken),
            _ => null,
        };
    }
}
