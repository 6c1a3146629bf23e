using GraphQL.Types;

namespace SpmGraph.GraphQL;

/// <summary>The SpmGraph schema: read queries over the SPM domain.</summary>
public sealed class SpmSchema : Schema
{
    public SpmSchema(IServiceProvider services, QueryGraphType query)
        : base(services)
    {
        Query = query;
    }
}
