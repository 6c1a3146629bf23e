using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.Ignore(p => p.BudgetGap);
        builder.Ignore(p => p.Unbudgeted);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.ProgramCode).HasMaxLength(32);
        builder.Property(p => p.PlanPeriod).HasMaxLength(32);
        builder.HasIndex(p => new { p.RegionId, p.IndicatorId, p.Year }).IsUnique();
        builder.HasIndex(p => p.Year);
        builder.HasIndex(p => p.IndicatorId);
        builder.HasIndex(p => p.OpdId);
        builder.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Indicator).WithMany().HasForeignKey(p => p.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Opd).WithMany().HasForeignKey(p => p.OpdId).OnDelete(DeleteBehavior.Restrict);
    }
}
