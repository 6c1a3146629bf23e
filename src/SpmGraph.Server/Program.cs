using SpmGraph.GraphQL;
using SpmGraph.Server.Caching;
using SpmGraph.Server.Commands;
using SpmGraph.Server.Dashboard;
using SpmGraph.Server.Database;
using SpmGraph.Server.Export;
using SpmGraph.Server.Http;
using SpmGraph.Server.Import;
using SpmGraph.Server.Observability;
using SpmGraph.Server.Security;

// Commands (`import achievements FILE.csv`, `token create ...`, `apikey ...`) run instead of the web host.
if (await ServerCommands.TryRunAsync(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSpmDatabase(builder.Configuration, builder.Environment);
builder.Services.AddSpmObservability(builder.Configuration);
builder.Services.AddSpmGraphQL();
builder.Services.AddGraphQLHttp();
builder.Services.AddSpmAnswerCache();
builder.Services.AddSpmCors();
builder.Services.AddSpmSecurity();
builder.Services.AddSpmImport();
builder.Services.AddSpmExport();

var app = builder.Build();

await app.Services.InitializeSpmDatabaseAsync(app.Lifetime.ApplicationStopping);

app.UseSpmCors();
app.UseSpmSecurity();
app.MapSpmObservability();
app.MapGraphQLHttp("/graphql");
app.MapSpmImport();
app.MapSpmExport();
app.MapSpmDashboard("/dashboard", graphQLPath: "/graphql");

await app.RunAsync();

/// <summary>Entry point; public so the test host can reference it.</summary>
public partial class Program;
