using System.Collections;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace SpmGraph.QueryConventions.Plans;

/// <summary>
/// Structural equality of the expressions a <see cref="QueryShape"/> holds: same nodes, members, methods and constant
/// values (collections item by item), lambda parameters matched by position. Any other node is never equal.
/// </summary>
internal static class ShapeComparer
{
    public static int Hash(Expression expression)
    {
        var hash = default(HashCode);
        Add(ref hash, expression);
        return hash.ToHashCode();
    }

    public static bool Equal(Expression a, Expression b) => new Matcher().Equal(a, b);

    private static void Add(ref HashCode hash, Expression? node)
    {
        if (node is null)
        {
            hash.Add(0);
            return;
        }

        hash.Add(node.NodeType);
        hash.Add(node.Type);
        switch (node)
        {
            case ConstantExpression constant:
                AddValue(ref hash, constant.Value);
                break;
            case QueryParameterExpression parameter:
                hash.Add(parameter.Name);
                break;
            case EntityQueryRootExpression root:
                hash.Add(root.EntityType);
                break;
            case MemberExpression member:
                hash.Add(member.Member);
                Add(ref hash, member.Expression);
                break;
            case MethodCallExpression call:
                hash.Add(call.Method);
                Add(ref hash, call.Object);
                AddAll(ref hash, call.Arguments);
                break;
            case LambdaExpression lambda:
                hash.Add(lambda.Parameters.Count);
                Add(ref hash, lambda.Body);
                break;
            case UnaryExpression unary:
                hash.Add(unary.Method);
                Add(ref hash, unary.Operand);
                break;
            case BinaryExpression binary:
                hash.Add(binary.Method);
                Add(ref hash, binary.Left);
                Add(ref hash, binary.Right);
                break;
            case ConditionalExpression conditional:
                Add(ref hash, conditional.Test);
                Add(ref hash, conditional.IfTrue);
                Add(ref hash, conditional.IfFalse);
                break;
            case NewExpression created:
                hash.Add(created.Constructor);
                AddAll(ref hash, created.Arguments);
                break;
            case MemberInitExpression init:
                Add(ref hash, init.NewExpression);
                foreach (var binding in init.Bindings)
                {
                    hash.Add(binding.Member);
                    Add(ref hash, ((MemberAssignment)binding).Expression);
                }

                break;
            case NewArrayExpression array:
                AddAll(ref hash, array.Expressions);
                break;
            case TypeBinaryExpression test:
                hash.Add(test.TypeOperand);
                Add(ref hash, test.Expression);
                break;
        }
    }

    private static void AddAll(ref HashCode hash, System.Collections.ObjectModel.ReadOnlyCollection<Expression> nodes)
    {
        foreach (var node in nodes)
        {
            Add(ref hash, node);
        }
    }

    private static void AddValue(ref HashCode hash, object? value)
    {
        if (value is IEnumerable items and not string)
        {
            foreach (var item in items)
            {
                hash.Add(item);
            }
        }
        else
        {
            hash.Add(value);
        }
    }

    private static bool ValuesEqual(object? a, object? b)
    {
        if (a is IEnumerable left and not string && b is IEnumerable right and not string)
        {
            return a.GetType() == b.GetType() && left.Cast<object?>().SequenceEqual(right.Cast<object?>());
        }

        return Equals(a, b);
    }

    /// <summary>Walks two trees side by side; lambda parameters bound in step are equal.</summary>
    private sealed class Matcher
    {
        private readonly List<(ParameterExpression A, ParameterExpression B)> _bound = [];

        public bool Equal(Expression? a, Expression? b)
        {
            if (a is null || b is null)
            {
                return a is null && b is null;
            }

            // A shared subtree (e.g. the select of a kept grouping) is equal to itself, unless it reads lambda parameters
            // bound here, which are compared in step below.
            if (ReferenceEquals(a, b) && _bound.Count == 0)
            {
                return true;
            }

            if (a.NodeType != b.NodeType || a.Type != b.Type || a.GetType() != b.GetType())
            {
                return false;
            }

            return (a, b) switch
            {
                (ConstantExpression x, ConstantExpression y) => ValuesEqual(x.Value, y.Value),
                (ParameterExpression x, ParameterExpression y) => Bound(x, y),
                (QueryParameterExpression x, QueryParameterExpression y) => x.Name == y.Name,
                (EntityQueryRootExpression x, EntityQueryRootExpression y) => x.EntityType == y.EntityType,
                (MemberExpression x, MemberExpression y) => x.Member == y.Member && Equal(x.Expression, y.Expression),
                (MethodCallExpression x, MethodCallExpression y) => x.Method == y.Method && Equal(x.Object, y.Object) && All(x.Arguments, y.Arguments),
                (LambdaExpression x, LambdaExpression y) => Lambdas(x, y),
                (UnaryExpression x, UnaryExpression y) => x.Method == y.Method && Equal(x.Operand, y.Operand),
                (BinaryExpression x, BinaryExpression y) => x.Method == y.Method && x.IsLiftedToNull == y.IsLiftedToNull && Equal(x.Left, y.Left) && Equal(x.Right, y.Right) && Equal(x.Conversion, y.Conversion),
                (ConditionalExpression x, ConditionalExpression y) => Equal(x.Test, y.Test) && Equal(x.IfTrue, y.IfTrue) && Equal(x.IfFalse, y.IfFalse),
                (NewExpression x, NewExpression y) => x.Constructor == y.Constructor && All(x.Arguments, y.Arguments) && Members(x, y),
                (MemberInitExpression x, MemberInitExpression y) => Equal(x.NewExpression, y.NewExpression) && Bindings(x.Bindings, y.Bindings),
                (NewArrayExpression x, NewArrayExpression y) => All(x.Expressions, y.Expressions),
                (TypeBinaryExpression x, TypeBinaryExpression y) => x.TypeOperand == y.TypeOperand && Equal(x.Expression, y.Expression),
                (DefaultExpression, DefaultExpression) => true,
                _ => false,
            };
        }

        private bool Bound(ParameterExpression a, ParameterExpression b)
        {
            for (var i = _bound.Count - 1; i >= 0; i--)
            {
                if (_bound[i].A == a || _bound[i].B == b)
                {
                    return _bound[i].A == a && _bound[i].B == b;
                }
            }

            return a == b;
        }

        private bool Lambdas(LambdaExpression a, LambdaExpression b)
        {
            if (a.Parameters.Count != b.Parameters.Count)
            {
                return false;
            }

            for (var i = 0; i < a.Parameters.Count; i++)
            {
                if (a.Parameters[i].Type != b.Parameters[i].Type)
                {
                    return false;
                }

                _bound.Add((a.Parameters[i], b.Parameters[i]));
            }

            var equal = Equal(a.Body, b.Body);
            _bound.RemoveRange(_bound.Count - a.Parameters.Count, a.Parameters.Count);
            return equal;
        }

        private bool All(System.Collections.ObjectModel.ReadOnlyCollection<Expression> a, System.Collections.ObjectModel.ReadOnlyCollection<Expression> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            for (var i = 0; i < a.Count; i++)
            {
                if (!Equal(a[i], b[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Members(NewExpression a, NewExpression b) =>
            a.Members is null ? b.Members is null : b.Members is not null && a.Members.SequenceEqual(b.Members);

        private bool Bindings(System.Collections.ObjectModel.ReadOnlyCollection<MemberBinding> a, System.Collections.ObjectModel.ReadOnlyCollection<MemberBinding> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            for (var i = 0; i < a.Count; i++)
            {
                if (a[i] is not MemberAssignment x || b[i] is not MemberAssignment y || x.Member != y.Member || !Equal(x.Expression, y.Expression))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
