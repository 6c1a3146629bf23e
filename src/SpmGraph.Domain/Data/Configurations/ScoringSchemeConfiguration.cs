using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Data.Configurations;

internal sealed class ScoringSchemeConfiguration : IEntityTypeConfiguration<ScoringScheme>
{
    public void Configure(EntityTypeBuilder<ScoringScheme> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(32);
        builder.Property(s => s.Name).HasMaxLength(128);
        builder.Property(s => s.Source).HasMaxLength(1024);
        builder.HasIndex(s => new { s.Code, s.Version }).IsUnique();
        builder.HasMany(s => s.Bands).WithOne().HasForeignKey(b => b.ScoringSchemeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScoringBandConfiguration : IEntityTypeConfiguration<ScoringBand>
{
    public void Configure(EntityTypeBuilder<ScoringBand> builder)
    {
        builder.Property(b => b.Code).HasMaxLength(32);
        builder.Property(b => b.Label).HasMaxLength(64);
        builder.HasIndex(b => new { b.ScoringSchemeId, b.Code }).IsUnique();
    }
}
