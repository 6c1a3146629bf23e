using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Data.Configurations;

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.ToTable("DataVersions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new DataVersion { Id = DataVersion.RowId, Value = 0 });
    }
}
