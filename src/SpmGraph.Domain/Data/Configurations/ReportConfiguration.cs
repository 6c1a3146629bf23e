using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.Property(r => r.RejectionReason).HasMaxLength(1024);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.RegionId, r.Year, r.Quarter }).IsUnique();
        builder.HasIndex(r => new { r.Year, r.Quarter });
        builder.HasIndex(r => r.ReportingPeriodId);
        builder.HasOne(r => r.Region).WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.ReportingPeriod).WithMany().HasForeignKey(r => r.ReportingPeriodId).OnDelete(DeleteBehavior.Restrict);
    }
}
