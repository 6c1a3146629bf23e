using GraphQL.Types;

namespace SpmGraph.GraphQL;

/// <summary>The root query type; features contribute their fields.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        Field<StringGraphType>("ping").Resolve(_ => "pong");
    }
}
