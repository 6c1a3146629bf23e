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

/// <summary>
/// An object type `node(id:)` fetches: it finds its row by the number in the global id, within the caller's scope. A
/// type is fetchable by implementing this beside its fields; its global ids are <see cref="GlobalId.Encode"/> of its name.
/// </summary>
public interface INodeType
{
    Task<object?> FindAsync(SpmDbContext db, CallerScope scope, int id, CancellationToken cancellationToken);
}

public static class NodeRows
{
    /// <summary>The row with this primary key (`Id`), untracked, or null.</summary>
    public static async Task<object?> FindNodeAsync<T>(this IQueryable<T> rows, int id, CancellationToken cancellationToken)
        where T : class =>
        await rows.AsNoTracking().SingleOrDefaultAsync(e => EF.Property<int>(e, "Id") == id, cancellationToken);
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
                await using var db = await ctx.OpenDbAsync();
                return await FindAsync(ctx.Schema, db, ctx.Scope(), ctx.GetArgument<string>("id"), ctx.CancellationToken);
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

                await using var db = await ctx.OpenDbAsync();
                var found = new List<object?>(ids.Count);
                foreach (var id in ids)
                {
                    found.Add(await FindAsync(ctx.Schema, db, ctx.Scope(), id, ctx.CancellationToken));
                }

                return found;
            });
    }

    private static async Task<object?> FindAsync(ISchema schema, SpmDbContext db, CallerScope scope, string globalId, CancellationToken cancellationToken)
    {
        if (!GlobalId.TryDecode(globalId, out var type, out var id))
        {
            throw new ExecutionError($"\"{globalId}\" is not an id this API issued.") { Code = ErrorCodes.InvalidId };
        }

        return schema.AllTypes[type] is INodeType node ? await node.FindAsync(db, scope, id, cancellationToken) : null;
    }
}
