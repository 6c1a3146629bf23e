using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query;

namespace SpmGraph.QueryConventions.Plans;

/// <summary>
/// A query's expression with its request values taken out: what EF Core would turn into SQL parameters (members of
/// constant objects: filter values, closures) become numbered parameters, so every request of one shape shares one
/// compiled plan. The counts of Skip and Take stay constants, part of the shape: SQLite prepares a statement anew
/// each time a LIMIT or OFFSET parameter is bound (its planner reads the value), which cost a kept statement more
/// than the rest of its execution. Null when the expression holds anything EF Core might evaluate once at compile
/// time, which the plan would then freeze (a call on constants, a static member, an unknown constant): such a query
/// takes EF Core's own path.
/// </summary>
internal sealed class QueryShape : IEquatable<QueryShape>
{
    private readonly int _hash;

    private QueryShape(Expression expression, int hash)
    {
        Expression = expression;
        _hash = hash;
    }

    /// <summary>The expression with <see cref="QueryParameterExpression"/>s named <see cref="ValueName"/> in place of the values.</summary>
    public Expression Expression { get; }

    /// <summary>The shape of <paramref name="query"/> and the values it took out, in parameter order; null when it has none.</summary>
    public static QueryShape? Of(Expression query, List<object?> values)
    {
        var normalizer = new Normalizer(values);
        var expression = normalizer.Visit(query)!;
        return normalizer.Failed ? null : new QueryShape(expression, ShapeComparer.Hash(expression));
    }

    /// <summary>The parameter name of the <paramref name="index"/>th value.</summary>
    public static string ValueName(int index) => index < Names.Length ? Names[index] : "v" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool Equals(QueryShape? other) => other is not null && other._hash == _hash && ShapeComparer.Equal(Expression, other.Expression);

    public override bool Equals(object? obj) => Equals(obj as QueryShape);

    public override int GetHashCode() => _hash;

    private static readonly string[] Names = [.. Enumerable.Range(0, 32).Select(i => "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Scalars that SQL can carry as a literal or a parameter; collections of them are values too.</summary>
    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(Guid);
    }

    private static bool IsValue(Type type) => IsScalar(type) || ElementOf(type) is { } element && IsScalar(element);

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() is var definition && (definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>))
            ? type.GetGenericArguments()[0]
            : null;

    /// <summary>Takes the values out and checks that nothing is left that EF Core would evaluate itself.</summary>
    private sealed class Normalizer(List<object?> values) : ExpressionVisitor
    {
        /// <summary>Lambda parameters and query roots met so far: a subtree that meets none is evaluable on the client.</summary>
        private int _dependencies;

        public bool Failed { get; private set; }

        public override Expression? Visit(Expression? node) => Failed || node is null ? node : base.Visit(node);

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is not null && !IsValue(node.Type))
            {
                Failed = true;
            }

            return node;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _dependencies++;
            return node;
        }

        protected override Expression VisitExtension(Expression node)
        {
            if (node is EntityQueryRootExpression root && root.GetType() == typeof(EntityQueryRootExpression))
            {
                _dependencies++;

                // The stored shape must not hold the context the first request read through.
                return root.DetachQueryProvider();
            }

            Failed = true;
            return node;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is null)
            {
                // A static member: EF Core would read it once, when compiling.
                Failed = true;
                return node;
            }

            if (!TryRead(node, out var value))
            {
                return Dependent(node, base.VisitMember);
            }

            if (value is IQueryable { Expression: var inner })
            {
                // A query captured by a lambda (e.g. the rows a count reads): EF Core inlines it.
                return Visit(inner)!;
            }

            if (!IsValue(node.Type))
            {
                Failed = true;
                return node;
            }

            return Value(value, node.Type);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node) => Dependent(node, base.VisitMethodCall);

        protected override Expression VisitNew(NewExpression node) => Dependent(node, base.VisitNew);

        protected override Expression VisitMemberInit(MemberInitExpression node)
        {
            // `new Row { ... }`: the constructor alone reads nothing, the bindings decide.
            var before = _dependencies;
            var created = (NewExpression)base.VisitNew(node.NewExpression);
            var bindings = Visit(node.Bindings, VisitMemberBinding);
            if (_dependencies == before)
            {
                Failed = true;
            }

            return node.Update(created, bindings);
        }

        protected override Expression VisitNewArray(NewArrayExpression node) => Dependent(node, base.VisitNewArray);

        protected override Expression VisitInvocation(InvocationExpression node) => Fail(node);

        protected override Expression VisitIndex(IndexExpression node) => Fail(node);

        protected override Expression VisitListInit(ListInitExpression node) => Fail(node);

        protected override Expression VisitBlock(BlockExpression node) => Fail(node);

        protected override Expression VisitDynamic(DynamicExpression node) => Fail(node);

        protected override Expression VisitSwitch(SwitchExpression node) => Fail(node);

        protected override Expression VisitTry(TryExpression node) => Fail(node);

        protected override Expression VisitLoop(LoopExpression node) => Fail(node);

        protected override Expression VisitGoto(GotoExpression node) => Fail(node);

        protected override Expression VisitRuntimeVariables(RuntimeVariablesExpression node) => Fail(node);

        protected override MemberListBinding VisitMemberListBinding(MemberListBinding node)
        {
            Failed = true;
            return node;
        }

        protected override MemberMemberBinding VisitMemberMemberBinding(MemberMemberBinding node)
        {
            Failed = true;
            return node;
        }

        /// <summary>A member chain that starts at a constant object (a closure, a boxed filter value): its value now.</summary>
        private static bool TryRead(MemberExpression node, out object? value)
        {
            value = null;
            object? target;
            switch (node.Expression)
            {
                case ConstantExpression constant:
                    target = constant.Value;
                    break;
                case MemberExpression inner when TryRead(inner, out var innerValue):
                    target = innerValue;
                    break;
                default:
                    return false;
            }

            if (target is null)
            {
                return false;
            }

            value = node.Member switch
            {
                FieldInfo field => field.GetValue(target),
                PropertyInfo property => property.GetValue(target),
                _ => null,
            };
            return node.Member is FieldInfo or PropertyInfo;
        }

        private QueryParameterExpression Value(object? value, Type type)
        {
            var parameter = new QueryParameterExpression(ValueName(values.Count), type);
            values.Add(value);
            return parameter;
        }

        /// <summary>A node EF Core would evaluate on the client when nothing in it reads a row or a query root: refused.</summary>
        private Expression Dependent<T>(T node, Func<T, Expression> visit)
            where T : Expression
        {
            var before = _dependencies;
            var result = visit(node);
            if (_dependencies == before)
            {
                Failed = true;
            }

            return result;
        }

        private Expression Fail(Expression node)
        {
            Failed = true;
            return node;
        }
    }
}
