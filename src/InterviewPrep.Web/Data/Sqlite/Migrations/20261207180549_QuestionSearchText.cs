using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QuestionSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Questions",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
            // The text search reads now lives with its question; the FTS5 table it came from is no longer used (decision 0015).
            migrationBuilder.Sql("UPDATE Questions SET SearchText = coalesce((SELECT body FROM QuestionSearch WHERE QuestionSearch.rowid = Questions.Id), '');");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QuestionSearch;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE VIRTUAL TABLE QuestionSearch USING fts5(title, tags, body, tokenize = 'porter unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("""
                INSERT INTO QuestionSearch(rowid, title, tags, body)
                SELECT q.Id, q.Title, coalesce((SELECT group_concat(t.Slug, ' ') FROM QuestionTags qt JOIN Tags t ON t.Id = qt.TagsId WHERE qt.QuestionsId = q.Id), ''), q.SearchText
                FROM Questions q WHERE NOT q.IsRetired;
                """);
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Questions");
        }
    }
}
