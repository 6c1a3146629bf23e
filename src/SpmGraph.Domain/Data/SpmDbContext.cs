using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Data;

/// <summary>
/// The SPM database. Each provider has a subclass that owns its migrations
/// (<see cref="SqliteSpmDbContext"/>, <see cref="PostgresSpmDbContext"/>), so one model serves every provider.
/// </summary>
public class SpmDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Sector> Sectors => Set<Sector>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<Opd> Opds => Set<Opd>();

    public DbSet<OpdSector> OpdSectors => Set<OpdSector>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<Achievement> Achievements => Set<Achievement>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportingPeriod> ReportingPeriods => Set<ReportingPeriod>();

    public DbSet<ScoringScheme> ScoringSchemes => Set<ScoringScheme>();

    public DbSet<ScoringBand> ScoringBands => Set<ScoringBand>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SpmDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Enums are stored by name: readable in SQL and stable if members are reordered.
        configurationBuilder.Properties<RegionKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SectorCode>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<IndicatorLevel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReportStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AccessRole>().HaveConversion<string>().HaveMaxLength(16);

        // Every instant is UTC; SQLite hands back DateTimeKind.Unspecified, so say so on read.
        // Stored to the microsecond, PostgreSQL's precision, so both providers keep the same value.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => new DateTime((v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime()).Ticks / TicksPerMicrosecond * TicksPerMicrosecond, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
    {
        private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;
    }
}
