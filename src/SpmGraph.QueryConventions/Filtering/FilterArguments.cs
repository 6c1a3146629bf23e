using System.Linq.Expressions;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace SpmGraph.QueryConventions.Filtering;

/// <summary>Reads a filter argument of a field into a predicate, for resolvers that shape their own query.</summary>
public static class FilterArguments
{
    /// <summary>The predicate of <paramref name="argument"/>, or null when it was not given.</summary>
    public static Expression<Func<T, bool>>? Predicate<T>(IResolveFieldContext context, string argument)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Arguments?.TryGetValue(argument, out var value) != true || value.Value is not IDictionary<string, object?> input)
        {
            return null;
        }

        var filter = (IFilterInputGraphType)context.FieldDefinition.Arguments!.Find(argument)!.ResolvedType!;
        var options = context.RequestServices!.GetRequiredService<QueryConventionOptions>();
        var x = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, bool>>(filter.Build(x, input, new FilterBuild(options, argument, 0)), x);
    }
}
