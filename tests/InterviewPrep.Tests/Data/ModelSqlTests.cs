using InterviewPrep.Web.Data.Sqlite;

namespace InterviewPrep.Tests.Data;

/// <summary>SQLite's hand-written SQL takes its names from the model, and its whole-row statements keep up with it.</summary>
[Trait("Provider", "Sqlite")]
public sealed class KeepingTheHandWrittenSqlWithTheModel
{
    [Theory]
    [InlineData(nameof(SqliteGradeWrites.InsertCardTemplate), "Flashcard")]
    [InlineData(nameof(SqliteGradeWrites.InsertLogTemplate), "ReviewLog")]
    public void AnInsertWritesEveryMappedColumn(string statement, string entity)
    {
        var sql = (string)typeof(SqliteGradeWrites).GetField(statement, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public)!.GetValue(null)!;

        var missing = ModelSql.MappedProperties(entity, generatedKey: false).Except(ModelSql.PropertiesNamed(sql, entity)).ToList();

        Assert.True(missing.Count == 0, $"{statement} leaves out {string.Join(", ", missing)}");
    }

    [Fact]
    public void TheCardReadReadsEveryMappedColumn()
    {
        var select = SqliteStudyReads.CardTemplate[..SqliteStudyReads.CardTemplate.IndexOf("FROM [Flashcard]", StringComparison.Ordinal)];

        var missing = ModelSql.MappedProperties("Flashcard", generatedKey: true).Except(ModelSql.PropertiesNamed(select, "Flashcard")).ToList();

        Assert.True(missing.Count == 0, $"the card's read leaves out {string.Join(", ", missing)}");
    }

    [Fact]
    public void NamesComeFromTheModelAndAnUnknownPropertyIsAnError()
    {
        Assert.Equal("SELECT \"BeforeJson\" FROM \"ReviewLogs\"", ModelSql.Resolve("SELECT [ReviewLog.Before] FROM [ReviewLog]"));
        var error = Assert.Throws<InvalidOperationException>(() => ModelSql.Resolve("SELECT [Flashcard.NoSuchColumn] FROM [Flashcard]"));
        Assert.Contains("NoSuchColumn", error.Message, StringComparison.Ordinal);
    }
}
