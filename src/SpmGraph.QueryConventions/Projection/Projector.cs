using System.Linq.Expressions;
using System.Reflection;
using GraphQL.Builders;
using GraphQL.Types;

namespace SpmGraph.QueryConventions.Projection;

/// <summary>Declares which entity members an output field reads, so projections select only those columns.</summary>
public static class ProjectionFieldExtensions
{
    internal const string MembersKey = "SpmGraph.QueryConventions.Members";

    /// <summary>The field reads these members of its source (e.g. a loader's foreign key).</summary>
    public static FieldBuilder<TSource, TReturn> Reads<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, params Expression<Func<TSource, object?>>[] members)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(members);
        var names = members.Select(MemberName).ToArray();
        var existing = field.FieldType.GetMetadata<string[]>(MembersKey) ?? [];
        field.FieldType.Metadata[MembersKey] = existing.Concat(names).Distinct().ToArray();
        return field;
    }

    internal static string MemberName(LambdaExpression member)
    {
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        return body is MemberExpression { Member: PropertyInfo property } && property.DeclaringType!.IsAssignableFrom(member.Parameters[0].Type)
            ? property.Name
            : throw new ArgumentException($"Expected a property of the source, got {member}.", nameof(member));
    }
}

/// <summary>Builds `x => new T { A = x.A, ... }` for the members a selection needs.</summary>
internal static class Projector
{
    // GraphQL.NET records the member behind `Field(x => x.Member)` under this (internal) key.
    private const string ExpressionPropertyKey = "ORIGINAL_EXPRESSION_PROPERTY_NAME";

    /// <summary>
    /// The projection for <paramref name="selected"/> fields of <paramref name="nodeType"/>, or null
    /// when a selected field does not say what it reads (then the whole row is read).
    /// </summary>
    public static Expression<Func<T, T>>? For<T>(IComplexGraphType nodeType, IEnumerable<string> selected, IEnumerable<string> alwaysRead)
    {
        if (typeof(T).GetConstructor(Type.EmptyTypes) is null)
        {
            return null;
        }

        var members = new HashSet<string>(alwaysRead);
        foreach (var name in selected)
        {
            if (name == "__typename")
            {
                continue;
            }

            var field = nodeType.GetField(name);
            var reads = field?.GetMetadata<string[]>(ProjectionFieldExtensions.MembersKey)
                ?? (field?.GetMetadata<string>(ExpressionPropertyKey) is { } property ? [property] : null);
            if (reads is null)
            {
                return null;
            }

            members.UnionWith(reads);
        }

        var properties = members.Select(m => typeof(T).GetProperty(m, BindingFlags.Public | BindingFlags.Instance)).ToList();
        if (properties.Any(p => p is not { CanWrite: true }))
        {
            // A computed member (no setter) cannot be projected: read whole rows rather than compute from defaults.
            return null;
        }

        var source = Expression.Parameter(typeof(T), "x");
        var bindings = properties.Select(p => Expression.Bind(p!, Expression.Property(source, p!)));
        return Expression.Lambda<Func<T, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), source);
    }
}
