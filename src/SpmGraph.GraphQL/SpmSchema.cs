using GraphQL.Types;

namespace SpmGraph.GraphQL;

/// <summary>The SpmGraph schema: queries over the SPM domain, and the writes of data entry and reporting.</summary>
public sealed class SpmSchema : Schema
{
    public SpmSchema(IServiceProvider services, QueryGraphType query, MutationGraphType mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
    }
}
