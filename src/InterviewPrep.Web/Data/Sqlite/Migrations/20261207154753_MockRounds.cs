using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MockRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MockRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    InterviewId = table.Column<int>(type: "INTEGER", nullable: true),
                    LengthMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreAtEnd = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PracticeSessionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MockRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MockRounds_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MockRounds_Interviews_InterviewId",
                        column: x => x.InterviewId,
                        principalTable: "Interviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MockRounds_PracticeSessions_PracticeSessionId",
                        column: x => x.PracticeSessionId,
                        principalTable: "PracticeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MockAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    DraftSavedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    KeyPointsHit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyPointCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Signal1 = table.Column<int>(type: "INTEGER", nullable: true),
                    Signal2 = table.Column<int>(type: "INTEGER", nullable: true),
                    Signal3 = table.Column<int>(type: "INTEGER", nullable: true),
                    Signal4 = table.Column<int>(type: "INTEGER", nullable: true),
                    ScoredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewLogId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MockAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MockAnswers_MockRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MockRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MockAnswers_Questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "Questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MockAnswers_QuestionId",
                table: "MockAnswers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_MockAnswers_RoundId_Position",
                table: "MockAnswers",
                columns: new[] { "RoundId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MockRounds_InterviewId",
                table: "MockRounds",
                column: "InterviewId");

            migrationBuilder.CreateIndex(
                name: "IX_MockRounds_PracticeSessionId",
                table: "MockRounds",
                column: "PracticeSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_MockRounds_UserId_StartedAtUtc",
                table: "MockRounds",
                columns: new[] { "UserId", "StartedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MockAnswers");

            migrationBuilder.DropTable(
                name: "MockRounds");
        }
    }
}
