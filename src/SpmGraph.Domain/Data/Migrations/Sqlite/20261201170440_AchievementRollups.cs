using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpmGraph.Domain.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BySector = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<long>(type: "INTEGER", nullable: false),
                    Served = table.Column<long>(type: "INTEGER", nullable: false),
                    BudgetRealized = table.Column<long>(type: "INTEGER", nullable: false),
                    RatedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RateSum = table.Column<double>(type: "REAL", nullable: false),
                    MinRate = table.Column<double>(type: "REAL", nullable: true),
                    MaxRate = table.Column<double>(type: "REAL", nullable: true),
                    CompleteCount = table.Column<int>(type: "INTEGER", nullable: false),
                    QualityCount = table.Column<int>(type: "INTEGER", nullable: false),
                    QualitySum = table.Column<double>(type: "REAL", nullable: false),
                    IndexedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    IndexedRateSum = table.Column<double>(type: "REAL", nullable: false),
                    IndexedCappedRateSum = table.Column<double>(type: "REAL", nullable: false),
                    IndexedQualitySum = table.Column<double>(type: "REAL", nullable: false)
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
