using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.QueryConventions;

namespace SpmGraph.GraphQL.Opds;

public sealed class OpdQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Connection<object?, OpdGraphType, Opd>("opds", (db, _) => db.Set<Opd>(), c => c
                .Filter<OpdFilterInputGraphType>().Sort<OpdSortInputGraphType>().Key(o => o.Id))
            .Description("Regional agencies (OPD) of every region.");
    }
}
