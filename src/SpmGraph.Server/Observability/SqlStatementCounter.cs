using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SpmGraph.Server.Observability;

/// <summary>
/// Counts the SQL commands EF Core runs for the GraphQL request in progress (<see cref="Start"/> begins a count that flows
/// with the request's async work, batch loaders included). Registered as an <see cref="IInterceptor"/>, so it joins every
/// context of the database factory; commands outside a request (start-up, health checks) are not counted.
/// </summary>
internal sealed class SqlStatementCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<Count?> Current = new();

    /// <summary>Begins counting for the code that runs after this call in the caller's async flow.</summary>
    public static Count Start()
    {
        var count = new Count();
        Current.Value = count;
        return count;
    }

    /// <summary>EF Core initializes a command once for each execution, whatever kind (reader, scalar, non-query).</summary>
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        Current.Value?.Increment();
        return result;
    }

    /// <summary>One request's count; resolvers run in parallel, so it is incremented atomically.</summary>
    internal sealed class Count
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }
}
