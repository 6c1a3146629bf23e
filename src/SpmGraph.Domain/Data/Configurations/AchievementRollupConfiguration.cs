using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Data.Configurations;

internal sealed class AchievementRollupConfiguration : IEntityTypeConfiguration<AchievementRollup>
{
    public void Configure(EntityTypeBuilder<AchievementRollup> builder)
    {
        builder.ToTable("AchievementRollups");

        // The roll-ups read a grain and a period (nationally, or of the regions of a province); writes replace a region's period.
        builder.HasIndex(r => new { r.BySector, r.Year, r.Quarter, r.RegionId });
        builder.HasIndex(r => new { r.RegionId, r.Year, r.Quarter });
        builder.HasOne(r => r.Region).WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
