using GraphQL.Types;

namespace SpmGraph.GraphQL.Common;

/// <summary>A feature's contribution to the root query type.</summary>
public interface IQueryFields
{
    void AddTo(ObjectGraphType query);
}
