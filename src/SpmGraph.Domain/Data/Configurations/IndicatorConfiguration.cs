using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(16);
        builder.Property(i => i.Name).HasMaxLength(256);
        builder.Property(i => i.Recipient).HasMaxLength(256);
        builder.Property(i => i.LegalBasis).HasMaxLength(256);
        builder.Property(i => i.Unit).HasMaxLength(32);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.HasIndex(i => new { i.Sector, i.Level });
    }
}
