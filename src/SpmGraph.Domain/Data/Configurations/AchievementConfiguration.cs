using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Data.Configurations;

internal sealed class AchievementConfiguration : IEntityTypeConfiguration<Achievement>
{
    public void Configure(EntityTypeBuilder<Achievement> builder)
    {
        builder.Ignore(a => a.AchievementRate);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.RegionId, a.IndicatorId, a.Year, a.Quarter }).IsUnique();

        // The roll-up paths read only the index: a quarter nationally (trend, ranking) and a quarter of the
        // regions of one province (its roll-up), with every column a measure or filter reads after the key.
        builder.HasIndex(a => new { a.Year, a.Quarter, a.Status, a.RegionId, a.IndicatorId, a.Target, a.Served, a.QualityRate })
            .HasDatabaseName("IX_Achievements_Period_Covering");
        builder.HasIndex(a => new { a.RegionId, a.Year, a.Quarter, a.Status, a.IndicatorId, a.Target, a.Served, a.QualityRate })
            .HasDatabaseName("IX_Achievements_RegionPeriod_Covering");
        builder.HasIndex(a => a.IndicatorId);
        builder.HasIndex(a => a.ReportId);
        builder.HasIndex(a => a.OpdId);
        builder.HasOne(a => a.Region).WithMany().HasForeignKey(a => a.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Indicator).WithMany().HasForeignKey(a => a.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Report).WithMany(r => r.Achievements).HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Opd).WithMany().HasForeignKey(a => a.OpdId).OnDelete(DeleteBehavior.Restrict);
    }
}
