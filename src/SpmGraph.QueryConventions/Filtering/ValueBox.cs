using System.Linq.Expressions;

namespace SpmGraph.QueryConventions.Filtering;

/// <summary>
/// Wraps a filter value so it reaches EF Core as a closure member, which EF turns into a SQL
/// parameter: plans stay cached and values never end up spliced into SQL text.
/// </summary>
internal sealed class ValueBox<T>(T value)
{
    public T Value { get; } = value;

    public static Expression Parameter(T value) =>
        Expression.Property(Expression.Constant(new ValueBox<T>(value)), nameof(Value));
}

internal static class ValueParameter
{
    public static Expression Of(object? value, Type type)
    {
        var box = typeof(ValueBox<>).MakeGenericType(type);
        var parameter = box.GetMethod(nameof(ValueBox<int>.Parameter))!;
        return (Expression)parameter.Invoke(null, [value])!;
    }
}
