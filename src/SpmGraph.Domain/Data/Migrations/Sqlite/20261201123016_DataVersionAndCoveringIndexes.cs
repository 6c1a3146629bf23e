using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpmGraph.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataVersionAndCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Achievements_Year_Quarter",
                table: "Achievements");

            migrationBuilder.CreateTable(
                name: "DataVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataVersions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "DataVersions",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Achievements_Period_Covering",
                table: "Achievements",
                columns: new[] { "Year", "Quarter", "Status", "RegionId", "IndicatorId", "Target", "Served", "QualityRate" });

            migrationBuilder.CreateIndex(
                name: "IX_Achievements_RegionPeriod_Covering",
                table: "Achievements",
                columns: new[] { "RegionId", "Year", "Quarter", "Status", "IndicatorId", "Target", "Served", "QualityRate" });

            // Planner statistics, so the roll-ups start from the covering index that fits (a province's regions, or a quarter).
            migrationBuilder.Sql("ANALYZE;", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataVersions");

            migrationBuilder.DropIndex(
                name: "IX_Achievements_Period_Covering",
                table: "Achievements");

            migrationBuilder.DropIndex(
                name: "IX_Achievements_RegionPeriod_Covering",
                table: "Achievements");

            migrationBuilder.CreateIndex(
                name: "IX_Achievements_Year_Quarter",
                table: "Achievements",
                columns: new[] { "Year", "Quarter" });
        }
    }
}
