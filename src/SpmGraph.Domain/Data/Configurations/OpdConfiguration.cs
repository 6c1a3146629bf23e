using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Data.Configurations;

internal sealed class OpdConfiguration : IEntityTypeConfiguration<Opd>
{
    public void Configure(EntityTypeBuilder<Opd> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(256);
        builder.HasIndex(o => o.RegionId);
        builder.HasOne(o => o.Region).WithMany(r => r.Opds).HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Sectors).WithOne().HasForeignKey(s => s.OpdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpdSectorConfiguration : IEntityTypeConfiguration<OpdSector>
{
    public void Configure(EntityTypeBuilder<OpdSector> builder)
    {
        builder.HasKey(s => new { s.OpdId, s.Sector });
        builder.HasIndex(s => s.Sector);
    }
}
