using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewLogStateBefore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewLogs_UserId_ReviewedAtUtc",
                table: "ReviewLogs");

            migrationBuilder.AddColumn<int>(
                name: "StateBefore",
                table: "ReviewLogs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The logs written before it: the same state, out of the snapshot's JSON (CardState as a number).
            migrationBuilder.Sql("UPDATE \"ReviewLogs\" SET \"StateBefore\" = COALESCE(json_extract(\"BeforeJson\", '$.state'), 0);");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLogs_UserId_ReviewedAtUtc_Kind_StateBefore",
                table: "ReviewLogs",
                columns: new[] { "UserId", "ReviewedAtUtc", "Kind", "StateBefore" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewLogs_UserId_ReviewedAtUtc_Kind_StateBefore",
                table: "ReviewLogs");

            migrationBuilder.DropColumn(
                name: "StateBefore",
                table: "ReviewLogs");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLogs_UserId_ReviewedAtUtc",
                table: "ReviewLogs",
                columns: new[] { "UserId", "ReviewedAtUtc" });
        }
    }
}
