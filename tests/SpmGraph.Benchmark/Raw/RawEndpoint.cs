using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace SpmGraph.Benchmark.Raw;

/// <summary>
/// The physical limit the benchmark compares SpmGraph with: `POST /graphql` takes the same body
/// as SpmGraph (only operationName and variables are read) and answers the same JSON from raw SQL.
/// `GET /statements` tells how many SQL statements it has run.
/// </summary>
internal static class RawEndpoint
{
    public const string Command = "raw";

    /// <summary>`raw --provider sqlite|postgres --connection CS --urls URL`.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault()
            ?? throw new ArgumentException($"raw: {name} is required.");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Option("--urls"));
        var app = builder.Build();

        await using var database = RawDatabase.Create(Option("--provider"), Option("--connection"));
        var operations = new RawOperations(database, await RawScheme.LoadAsync(database, app.Lifetime.ApplicationStopping));

        app.MapPost("/graphql", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var operation = body.RootElement.GetProperty("operationName").GetString() ?? "";
            var variables = body.RootElement.TryGetProperty("variables", out var v) ? v : default;

            var buffer = new ArrayBufferWriter<byte>(8192);
            await using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteStartObject("data");
                await operations.WriteAsync(operation, variables, json, context.RequestAborted);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
        });
        app.MapGet("/statements", () => database.Statements.ToString(CultureInfo.InvariantCulture));

        await app.RunAsync();
        return 0;
    }
}
