using GraphQL.Types;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL;

/// <summary>The root mutation type; each feature contributes its writes.</summary>
public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType(IEnumerable<IMutationFields> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Name = "Mutation";
        Description = "Writes, payload style: each returns the changed object and `errors`; when `errors` is not empty nothing was written.";
        foreach (var feature in features)
        {
            feature.AddTo(this);
        }
    }
}
