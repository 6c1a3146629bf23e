using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SpmGraph.Domain.Data;

/// <summary>
/// The PostgreSQL flavour of the model; owns Migrations/Postgres. Every API answer must equal the
/// SQLite one: text sorts and compares byte-wise (collation "C", as SQLite's BINARY does), instants
/// are `timestamp with time zone` (every value is UTC), and averages of doubles are summed exactly
/// (<see cref="PostgresExactAverages"/>).
/// </summary>
public sealed class PostgresSpmDbContext(DbContextOptions<PostgresSpmDbContext> options) : SpmDbContext(options)
{
    /// <summary>The collation of every text column: byte order, independent of the server's locale.</summary>
    public const string TextCollation = "C";

    /// <summary>
    /// Adds what the PostgreSQL flavour needs to options, once: a pooled context gets it with the options it is registered
    /// with (pooling forbids changing them in OnConfiguring), any other context in OnConfiguring.
    /// </summary>
    public static DbContextOptionsBuilder Flavour(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        if (optionsBuilder.Options.FindExtension<PostgresExactAverages>() is null)
        {
            ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(PostgresExactAverages.Instance);
        }

        return optionsBuilder;
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => Flavour(optionsBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Per column rather than per database: a database made by an administrator keeps its locale,
        // and entities added later get the same treatment without anyone remembering to.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            var storeType = property.GetProviderClrType() ?? property.GetValueConverter()?.ProviderClrType ?? property.ClrType;
            storeType = Nullable.GetUnderlyingType(storeType) ?? storeType;
            if (storeType == typeof(string))
            {
                // Enums stored by name too: ordering by status must match SQLite's.
                property.SetCollation(TextCollation);
            }
            else if (storeType == typeof(DateTime))
            {
                property.SetColumnType("timestamp with time zone");
            }
        }
    }
}
