using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SpmGraph.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AchievementRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AchievementRollups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BySector = table.Column<bool>(type: "boolean", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    Sector = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    RowCount = table.Column<int>(type: "integer", nullable: false),
                    Target = table.Column<long>(type: "bigint", nullable: false),
                    Served = table.Column<long>(type: "bigint", nullable: false),
                    BudgetRealized = table.Column<long>(type: "bigint", nullable: false),
                    RatedCount = table.Column<int>(type: "integer", nullable: false),
                    RateSum = table.Column<double>(type: "double precision", nullable: false),
                    MinRate = table.Column<double>(type: "double precision", nullable: true),
                    MaxRate = table.Column<double>(type: "double precision", nullable: true),
                    CompleteCount = table.Column<int>(type: "integer", nullable: false),
                    QualityCount = table.Column<int>(type: "integer", nullable: false),
                    QualitySum = table.Column<double>(type: "double precision", nullable: false),
                    IndexedCount = table.Column<int>(type: "integer", nullable: false),
                    IndexedRateSum = table.Column<double>(type: "double precision", nullable: false),
                    IndexedCappedRateSum = table.Column<double>(type: "double precision", nullable: false),
                    IndexedQualitySum = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AchievementRollups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AchievementRollups_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AchievementRollups_BySector_Year_Quarter_RegionId",
                table: "AchievementRollups",
                columns: new[] { "BySector", "Year", "Quarter", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_AchievementRollups_RegionId_Year_Quarter",
                table: "AchievementRollups",
                columns: new[] { "RegionId", "Year", "Quarter" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AchievementRollups");
        }
    }
}
