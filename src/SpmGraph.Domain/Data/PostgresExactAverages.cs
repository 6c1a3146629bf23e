using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace SpmGraph.Domain.Data;

/// <summary>
/// Averages and sums of doubles on PostgreSQL summed exactly, as `avg(x::numeric)::double precision`
/// (and `sum`, which the rollups' sums use).
/// PostgreSQL's avg(double precision) adds up naively, SQLite's compensates for rounding, so means
/// of the same rows differed in their last digits, and means that are exact decimals (quality
/// rates have one decimal) came out as 78.59707031250011 instead of SQLite's 78.5970703125.
/// </summary>
internal sealed class PostgresExactAverages : IDbContextOptionsExtension
{
    public static readonly PostgresExactAverages Instance = new();

    private PostgresExactAverages() => Info = new ExtensionInfo(this);

    public DbContextOptionsExtensionInfo Info { get; }

    public void ApplyServices(IServiceCollection services) =>
        new EntityFrameworkRelationalServicesBuilder(services).TryAdd<IAggregateMethodCallTranslatorPlugin, Plugin>();

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class Plugin(ISqlExpressionFactory sql, IRelationalTypeMappingSource typeMappings) : IAggregateMethodCallTranslatorPlugin
    {
        // Plugins are asked before the provider's own translators.
        public IEnumerable<IAggregateMethodCallTranslator> Translators { get; } = [new Translator(sql, typeMappings)];
    }

    private sealed class Translator(ISqlExpressionFactory sql, IRelationalTypeMappingSource typeMappings) : IAggregateMethodCallTranslator
    {
        public SqlExpression? Translate(MethodInfo method, EnumerableExpression source, IReadOnlyList<SqlExpression> arguments, IDiagnosticsLogger<DbLoggerCategory.Query> logger)
        {
            ArgumentNullException.ThrowIfNull(method);
            ArgumentNullException.ThrowIfNull(source);
            if (method.DeclaringType != typeof(Queryable)
                || method.Name is not (nameof(Queryable.Average) or nameof(Queryable.Sum))
                || source.Selector is not SqlExpression selector
                || (Nullable.GetUnderlyingType(selector.Type) ?? selector.Type) != typeof(double))
            {
                return null;
            }

            var numeric = typeMappings.FindMapping(typeof(decimal))!;
            var result = selector.TypeMapping ?? typeMappings.FindMapping(typeof(double))!;

            // As EF Core's own translation: a Where before the aggregate becomes CASE WHEN, Distinct stays.
            SqlExpression term = sql.Convert(selector, typeof(decimal), numeric);
            if (source.Predicate is not null)
            {
                term = sql.Case([new CaseWhenClause(source.Predicate, term)], elseResult: null);
            }

            if (source.IsDistinct)
            {
                term = new DistinctExpression(term);
            }

            if (method.Name == nameof(Queryable.Sum))
            {
                // As LINQ's Sum: 0 over no rows (or only nulls).
                var sum = sql.Function("sum", [term], nullable: true, argumentsPropagateNullability: [false], typeof(decimal), numeric);
                return sql.Coalesce(sql.Convert(sum, selector.Type, result), sql.Constant(0.0, result));
            }

            var average = sql.Function("avg", [term], nullable: true, argumentsPropagateNullability: [false], typeof(decimal), numeric);
            return sql.Convert(average, selector.Type, result);
        }
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "ExactAverages ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
            ArgumentNullException.ThrowIfNull(debugInfo);
            debugInfo["SpmGraph:PostgresExactAverages"] = "1";
        }
    }
}
