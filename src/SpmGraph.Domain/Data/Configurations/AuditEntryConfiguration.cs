using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // Stored by name, like the other enums.
        builder.Property(e => e.EntityType).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Actor).HasMaxLength(256);

        // A row's history, newest first; the log by time; a region's changes.
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.RegionId);
        builder.HasOne(e => e.Region).WithMany().HasForeignKey(e => e.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
