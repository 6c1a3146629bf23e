using GraphQL.Types;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL;

/// <summary>The root query type; each feature contributes its fields.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType(IEnumerable<IQueryFields> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Name = "Query";
        foreach (var feature in features)
        {
            feature.AddTo(this);
        }
    }
}
