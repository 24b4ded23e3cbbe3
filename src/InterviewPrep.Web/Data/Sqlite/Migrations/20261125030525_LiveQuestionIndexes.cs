using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LiveQuestionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Questions_CategoryId",
                table: "Questions");

            migrationBuilder.DropIndex(
                name: "IX_Questions_IsRetired_CategoryId_Difficulty_Title",
                table: "Questions");

            migrationBuilder.DropIndex(
                name: "IX_Questions_IsRetired_Difficulty_Title",
                table: "Questions");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_Live_Category",
                table: "Questions",
                columns: new[] { "CategoryId", "Difficulty", "Title" },
                filter: "NOT \"IsRetired\"");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_Live_Difficulty",
                table: "Questions",
                columns: new[] { "Difficulty", "Title" },
                filter: "NOT \"IsRetired\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Questions_Live_Category",
                table: "Questions");

            migrationBuilder.DropIndex(
                name: "IX_Questions_Live_Difficulty",
                table: "Questions");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_CategoryId",
                table: "Questions",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_IsRetired_CategoryId_Difficulty_Title",
                table: "Questions",
                columns: new[] { "IsRetired", "CategoryId", "Difficulty", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_Questions_IsRetired_Difficulty_Title",
                table: "Questions",
                columns: new[] { "IsRetired", "Difficulty", "Title" });
        }
    }
}
