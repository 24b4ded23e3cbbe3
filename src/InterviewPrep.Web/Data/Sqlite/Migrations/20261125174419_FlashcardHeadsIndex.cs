using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FlashcardHeadsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Flashcards_Heads",
                table: "Flashcards",
                columns: new[] { "UserId", "Id", "QuestionId", "State", "DueUtc", "IsSuspended", "BuriedUntilUtc", "Tags", "IsDeleted" },
                filter: "NOT \"IsDeleted\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Flashcards_Heads",
                table: "Flashcards");
        }
    }
}
