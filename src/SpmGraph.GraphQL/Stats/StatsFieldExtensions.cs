using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Scoring;
using SpmGraph.QueryConventions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Projection;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Stats;

/// <summary>
/// Adds a stats field: `where` on the rows, `groupBy`, `having` and `order` on the groups, cursor
/// paging over groups and `scheme`; the whole is one GROUP BY statement (plus a COUNT for `totalCount`).
/// </summary>
internal static class StatsFieldExtensions
{
    public static FieldBuilder<TParent, object> Stats<TParent, TSource, TRow, TRowGraphType, TSourceFilter, THaving, TSort, TDimensionGraphType>(
        this ComplexGraphType<TParent> type,
        string name,
        StatsDefinition<TSource, TRow> definition,
        Func<DbContext, IResolveFieldContext, IQueryable<TSource>> source)
        where TSource : class
        where TRow : StatsRow, new()
        where TRowGraphType : IGraphType
        where TSourceFilter : FilterInputGraphType<TSource>
        where THaving : FilterInputGraphType<TRow>
        where TSort : SortInputGraphType<TRow>
        where TDimensionGraphType : StatsDimensionGraphType
    {
        var field = type.Connection<TParent, TRowGraphType, TRow>(
            name,
            async (db, context) =>
            {
                var rows = source(db, context);
                if (FilterArguments.Predicate<TSource>(context, "where") is { } where)
                {
                    rows = rows.Where(where);
                }

                var dimensions = context.GetArgument<List<StatsDimension>?>("groupBy") ?? [];
                var scheme = await context.Loader<ScoringSchemeCatalog>().ResolveAsync(context.GetArgument<string?>("scheme"));
                var asked = Selection.NodeFields(context)
                    .Concat(InputNames(context.GetArgument<object?>("having")))
                    .Concat(InputNames(context.GetArgument<object?>("order")));
                return definition.Group(rows, dimensions, definition.Needed(asked), scheme);
            },
            c => c.Filter<THaving>("having").Sort<TSort>()
                .Key(r => r.ProvinceId).Key(r => r.RegionId).Key(r => r.RegionKind).Key(r => r.Sector)
                .Key(r => r.IndicatorId).Key(r => r.OpdId).Key(r => r.Year).Key(r => r.Quarter));
        field.Argument<TSourceFilter>("where", "Only rows that match, before grouping.");
        field.Argument<ListGraphType<NonNullGraphType<TDimensionGraphType>>>("groupBy", "Group by these dimensions; none for one group over everything.");
        field.Argument<StringGraphType>("scheme", "Code of the scoring scheme to compute with; the active one when omitted.");
        return field;
    }

    /// <summary>Field names used anywhere in a having or order input (and/or/not looked through).</summary>
    private static IEnumerable<string> InputNames(object? input) => input switch
    {
        IDictionary<string, object?> map => map.SelectMany(e => e.Key is "and" or "or" or "not" ? InputNames(e.Value) : [e.Key]),
        IEnumerable<object?> list => list.SelectMany(InputNames),
        _ => [],
    };
}
