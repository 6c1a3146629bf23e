using SpmGraph.GraphQL;
using SpmGraph.Server.Database;
using SpmGraph.Server.Http;
using SpmGraph.Server.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSpmDatabase(builder.Configuration, builder.Environment);
builder.Services.AddSpmGraphQL();
builder.Services.AddGraphQLHttp();
builder.Services.AddSpmSecurity(builder.Configuration);

var app = builder.Build();

await app.Services.InitializeSpmDatabaseAsync(app.Lifetime.ApplicationStopping);

if (SecurityCommands.Handles(args))
{
    return await SecurityCommands.RunAsync(args, app.Services, Console.Out, app.Lifetime.ApplicationStopping);
}

app.UseSpmSecurity();
app.MapGraphQLHttp("/graphql");

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the test host can reference it.</summary>
public partial class Program;
