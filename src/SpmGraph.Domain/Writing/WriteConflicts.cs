using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SpmGraph.Domain.Writing;

/// <summary>Tells a lost race from a bug: these failures become CONFLICT, everything else stays an exception.</summary>
public static class WriteConflicts
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool IsConflict(Exception exception) => exception switch
    {
        // A version token or a row that another writer changed or removed.
        WriteConflictException or DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsConflict(inner),

        // Two writers created the same row (report, achievement, plan) at once.
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } => true,

        // PostgreSQL: serialization failure, deadlock, unique violation.
        DbException { SqlState: "40001" or "40P01" or "23505" } => true,
        _ => false,
    };

    public static WriteError Error() =>
        WriteError.Whole(WriteErrorCodes.Conflict, "Someone else changed the same data at the same time; nothing was written. Read it again and retry.");
}
