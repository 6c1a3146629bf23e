using GraphQL.Types;
using SpmGraph.QueryConventions.Filtering;

namespace SpmGraph.QueryConventions.Tests;

/// <summary>Each operation is registered once; the operation inputs offer exactly their groups' operations, in order.</summary>
public sealed class FilterOperationsTests
{
    [Fact]
    public void Operation_inputs_offer_the_registered_operations_of_their_groups()
    {
        Assert.Equal(Names(FilterOperations.Equality, FilterOperations.Text), Names(new StringOperationFilterInputGraphType()));
        Assert.Equal(Names(FilterOperations.Equality, FilterOperations.Comparison), Names(new IntOperationFilterInputGraphType()));
        Assert.Equal(Names(FilterOperations.Equality, FilterOperations.Comparison), Names(new DateTimeOperationFilterInputGraphType()));
        Assert.Equal(["eq", "neq"], Names(new BooleanOperationFilterInputGraphType()));
    }

    private static string[] Names(params IReadOnlyList<FilterOperation>[] groups) => [.. groups.SelectMany(g => g).Select(o => o.Name)];

    private static string[] Names(IInputObjectGraphType type) => [.. type.Fields.Select(f => f.Name)];
}
