using System.Data.Common;
using Npgsql;

namespace SpmGraph.Server.Database;

/// <summary>The Npgsql settings SpmGraph runs PostgreSQL with; the benchmark's raw endpoint compiles this file too, so both run alike.</summary>
internal static class PostgresConnectionTuning
{
    /// <summary>Statements Npgsql keeps prepared per connection.</summary>
    public const int AutoPreparedStatements = 100;

    /// <summary>
    /// Npgsql's defaults for a server that runs many short statements, each setting unless the connection string gives
    /// it: the statements a connection runs often are prepared (`Max Auto Prepare`), so PostgreSQL skips planning them,
    /// which can cost as much as running a roll-up; and a connection back in the pool is not reset (`No Reset On Close`):
    /// the server keeps no session state (no SET, LISTEN, temporary tables or session locks), and a reset is seven
    /// statements per query once statements are prepared. Behind a pooler in transaction mode, set `Max Auto Prepare=0`.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Given(string keyword) => given.ContainsKey(keyword) || given.ContainsKey(keyword.Replace(" ", "", StringComparison.Ordinal));
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Given("Max Auto Prepare"))
        {
            tuned.MaxAutoPrepare = AutoPreparedStatements;
            tuned.AutoPrepareMinUsages = 2;
        }

        if (!Given("No Reset On Close"))
        {
            tuned.NoResetOnClose = true;
        }

        return tuned.ConnectionString;
    }
}
