using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using SpmGraph.GraphQL.Limits;

namespace SpmGraph.Server.Http;

/// <summary>`GET path?sdl`: the schema as SDL, the same text as schema/schema.graphql.</summary>
internal sealed class SchemaSdlEndpoint(IOptions<GraphQLIntrospectionOptions> introspection)
{
    public const string QueryParameter = "sdl";

    private readonly bool _enableIntrospection = introspection.Value.EnableIntrospection;
    private string? _sdl;

    public async Task ServeAsync(HttpContext context)
    {
        // The schema text is what switching introspection off hides.
        if (!_enableIntrospection)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (_sdl is null)
        {
            // Same text as schema/schema.graphql, so `curl '.../graphql?sdl'` can regenerate that file.
            var schema = context.RequestServices.GetRequiredService<ISchema>();
            schema.Initialize();
            _sdl = schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        }

        context.Response.Headers.CacheControl = "no-cache";
        context.Response.ContentType = "text/plain" + GraphQLMediaTypes.Utf8Suffix;
        await context.Response.WriteAsync(_sdl, context.RequestAborted);
    }
}
