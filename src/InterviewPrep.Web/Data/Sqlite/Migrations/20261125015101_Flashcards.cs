using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Flashcards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Flashcards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Front = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    BackMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    BackHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AskedQuestionId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Stability = table.Column<double>(type: "REAL", nullable: false),
                    Difficulty = table.Column<double>(type: "REAL", nullable: false),
                    ElapsedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduledDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Reps = table.Column<int>(type: "INTEGER", nullable: false),
                    Lapses = table.Column<int>(type: "INTEGER", nullable: false),
                    LearningStep = table.Column<int>(type: "INTEGER", nullable: false),
                    LastReviewUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsSuspended = table.Column<bool>(type: "INTEGER", nullable: false),
                    BuriedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsLeech = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Flashcards", x => x.Id);
                    table.CheckConstraint("CK_Flashcards_BankOrOwn", "(\"QuestionId\" IS NULL) <> (\"Front\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_Flashcards_AskedQuestion_AskedQuestionId",
                        column: x => x.AskedQuestionId,
                        principalTable: "AskedQuestion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Flashcards_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Flashcards_Questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "Questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FlashcardSettings",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    DesiredRetention = table.Column<double>(type: "REAL", nullable: false),
                    NewPerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewsPerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    PracticeLoggedThroughUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlashcardSettings", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_FlashcardSettings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewLogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    FlashcardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMs = table.Column<int>(type: "INTEGER", nullable: false),
                    CardVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    UndoesId = table.Column<long>(type: "INTEGER", nullable: true),
                    Deck = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    BeforeJson = table.Column<string>(type: "TEXT", nullable: false),
                    AfterJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewLogs_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewLogs_Flashcards_FlashcardId",
                        column: x => x.FlashcardId,
                        principalTable: "Flashcards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewLogs_ReviewLogs_UndoesId",
                        column: x => x.UndoesId,
                        principalTable: "ReviewLogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Flashcards_AskedQuestionId",
                table: "Flashcards",
                column: "AskedQuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_Flashcards_QuestionId",
                table: "Flashcards",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_Flashcards_UserId_DueUtc",
                table: "Flashcards",
                columns: new[] { "UserId", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Flashcards_UserId_QuestionId",
                table: "Flashcards",
                columns: new[] { "UserId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLogs_FlashcardId_CardVersion",
                table: "ReviewLogs",
                columns: new[] { "FlashcardId", "CardVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLogs_UndoesId",
                table: "ReviewLogs",
                column: "UndoesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLogs_UserId_ReviewedAtUtc",
                table: "ReviewLogs",
                columns: new[] { "UserId", "ReviewedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FlashcardSettings");

            migrationBuilder.DropTable(
                name: "ReviewLogs");

            migrationBuilder.DropTable(
                name: "Flashcards");
        }
    }
}
