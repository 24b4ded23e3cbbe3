using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewLogsByUserAndId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ReviewLogs_UserId_Id",
                table: "ReviewLogs",
                columns: new[] { "UserId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewLogs_UserId_Id",
                table: "ReviewLogs");
        }
    }
}
