using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(16);
        builder.Property(r => r.Name).HasMaxLength(128);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.HasIndex(r => r.Kind);
        builder.HasIndex(r => r.Name);
        builder.HasOne(r => r.Parent).WithMany(r => r.Children).HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
