using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Data.Configurations;

internal sealed class SectorConfiguration : IEntityTypeConfiguration<Sector>
{
    public void Configure(EntityTypeBuilder<Sector> builder)
    {
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.EnglishName).HasMaxLength(64);
        builder.HasMany(s => s.Indicators).WithOne(i => i.SectorEntity).HasForeignKey(i => i.Sector).OnDelete(DeleteBehavior.Restrict);
    }
}
