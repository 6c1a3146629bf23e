using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.GraphQL.Security;

namespace SpmGraph.GraphQL.Common;

/// <summary>The Relay `Node` interface: anything with a global `id`.</summary>
public sealed class NodeInterfaceGraphType : InterfaceGraphType
{
    public NodeInterfaceGraphType()
    {
        Name = "Node";
        Description = "An object with a global id, fetchable with `node(id:)`.";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}

/// <summary>`node(id:)` and `nodes(ids:)`: any object by global id, within the caller's scope.</summary>
public sealed class NodeQueries : IQueryFields
{
    /// <summary>Most ids one `nodes(ids:)` looks up (README, limits table): each is a lookup of its own.</summary>
    public const int MaxIds = 100;

    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NodeInterfaceGraphType>("node")
            .Description("The object with this global id; null when there is none or the caller may not read it.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                await using var db = await Db.OpenAsync(ctx);
                return await FindAsync(db, ctx.Scope(), ctx.GetArgument<string>("id"), ctx.CancellationToken);
            });
        query.Field<NonNullGraphType<ListGraphType<NodeInterfaceGraphType>>>("nodes")
            .Description("The objects with these global ids, in order (null where there is none or the caller may not read it).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .ResolveAsync(async ctx =>
            {
                var ids = ctx.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds)
                {
                    throw new ExecutionError($"`ids` may list at most {MaxIds} ids; got {ids.Count}.") { Code = ErrorCodes.InvalidArgument };
                }

                await using var db = await Db.OpenAsync(ctx);
                var found = new List<object?>(ids.Count);
                foreach (var id in ids)
                {
                    found.Add(await FindAsync(db, ctx.Scope(), id, ctx.CancellationToken));
                }

                return found;
            });
    }

    private static async Task<object?> FindAsync(SpmDbContext db, CallerScope scope, string globalId, CancellationToken cancellationToken)
    {
        if (!GlobalId.TryDecode(globalId, out var type, out var id))
        {
            throw new ExecutionError($"\"{globalId}\" is not an id this API issued.") { Code = ErrorCodes.InvalidId };
        }

        return type switch
        {
            "Region" => await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken),
            "Opd" => await db.Opds.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken),
            "Indicator" => await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken),
            "Plan" => await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken),
            "Achievement" => await db.Achievements.AsNoTracking().VisibleTo(scope, a => a.Status, a => a.Region!).SingleOrDefaultAsync(a => a.Id == id, cancellationToken),
            "Report" => await db.Reports.AsNoTracking().VisibleTo(scope, r => r.Status, r => r.Region!).SingleOrDefaultAsync(r => r.Id == id, cancellationToken),
            "ReportingPeriod" => await db.ReportingPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken),
            "ScoringScheme" => await db.ScoringSchemes.AsNoTracking().Include(s => s.Bands).SingleOrDefaultAsync(s => s.Id == id, cancellationToken),
            _ => null,
        };
    }
}
