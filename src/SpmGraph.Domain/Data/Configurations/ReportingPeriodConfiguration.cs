using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Data.Configurations;

internal sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> builder)
    {
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.Year, p.Quarter }).IsUnique();
    }
}
