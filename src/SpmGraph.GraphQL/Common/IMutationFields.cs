using GraphQL.Types;

namespace SpmGraph.GraphQL.Common;

/// <summary>A feature's contribution to the root mutation type.</summary>
public interface IMutationFields
{
    void AddTo(ObjectGraphType mutation);
}
