using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpmGraph.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScoringSchemeCap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Source",
                table: "ScoringSchemes",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(512)",
                oldMaxLength: 512,
                oldCollation: "C");

            migrationBuilder.AddColumn<bool>(
                name: "CapRecipientRate",
                table: "ScoringSchemes",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            // A database seeded before this version gets the published scheme as version 2 and keeps
            // version 1 inactive; an empty database is seeded with both later.
            migrationBuilder.Sql("""
                INSERT INTO "ScoringSchemes" ("Code", "Name", "Version", "RecipientWeight", "QualityWeight", "IsActive", "Source", "CapRecipientRate")
                SELECT 'DEFAULT', 'Indeks Pencapaian SPM (Kemendagri labels)', 2, 0.8, 0.2, TRUE,
                       'Bands that fit Ditjen Bina Bangda''s published labels (69 Tuntas Muda, 42.03 Belum Tuntas, 96.19 Tuntas Utama); weights from e-SPM layouts (80% recipients, 20% quality); cap on the recipient part assumed.', TRUE
                WHERE EXISTS (SELECT 1 FROM "ScoringSchemes" WHERE "Code" = 'DEFAULT' AND "Version" = 1)
                  AND NOT EXISTS (SELECT 1 FROM "ScoringSchemes" WHERE "Code" = 'DEFAULT' AND "Version" = 2);
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ScoringBands" ("ScoringSchemeId", "Code", "Label", "LowerBound")
                SELECT s."Id", b.code, b.label, b.lower
                FROM "ScoringSchemes" s
                CROSS JOIN (SELECT 'TUNTAS_PARIPURNA' AS code, 'Tuntas Paripurna' AS label, 100.0 AS lower
                            UNION ALL SELECT 'TUNTAS_UTAMA', 'Tuntas Utama', 90.0
                            UNION ALL SELECT 'TUNTAS_MADYA', 'Tuntas Madya', 80.0
                            UNION ALL SELECT 'TUNTAS_PRATAMA', 'Tuntas Pratama', 70.0
                            UNION ALL SELECT 'TUNTAS_MUDA', 'Tuntas Muda', 60.0
                            UNION ALL SELECT 'BELUM_TUNTAS', 'Belum Tuntas', 0.0) b
                WHERE s."Code" = 'DEFAULT' AND s."Version" = 2
                  AND NOT EXISTS (SELECT 1 FROM "ScoringBands" x WHERE x."ScoringSchemeId" = s."Id");
                """);
            migrationBuilder.Sql("""
                UPDATE "ScoringSchemes" SET "IsActive" = FALSE
                WHERE "Code" = 'DEFAULT' AND "Version" = 1
                  AND EXISTS (SELECT 1 FROM "ScoringSchemes" WHERE "Code" = 'DEFAULT' AND "Version" = 2);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CapRecipientRate",
                table: "ScoringSchemes");

            migrationBuilder.AlterColumn<string>(
                name: "Source",
                table: "ScoringSchemes",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(1024)",
                oldMaxLength: 1024,
                oldCollation: "C");
        }
    }
}
