using InterviewPrep.Web.Data.Sqlite;
using System.Globalization;
using InterviewPrep.Web.Data;

namespace InterviewPrep.Tests.Data;

[Trait("Provider", "Sqlite")]
public sealed class ReadingStoredDates
{
    [Fact]
    public void EveryDateAsTheDatabaseStoresItReadsBackToTheTick()
    {
        var random = new Random(20261125);
        var dates = Enumerable.Range(0, 20_000)
            .Select(_ => new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks)))
            .Concat([DateTime.MinValue, DateTime.MaxValue, new DateTime(2024, 2, 29, 23, 59, 59), new DateTime(2026, 11, 25, 9, 0, 0).AddTicks(1)]);

        foreach (var date in dates)
        {
            // How Microsoft.Data.Sqlite writes a DateTime parameter, and EF Core its columns.
            var text = date.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);
            Assert.True(StoredDates.TryParse(text, out var read), text);
            Assert.Equal(date, read);
            Assert.Equal(DateTime.Parse(text, CultureInfo.InvariantCulture), read);
        }
    }

    [Theory]
    [InlineData("2026-11-25T09:00:00")]
    [InlineData("2026-11-25 09:00:00Z")]
    [InlineData("2026-11-25 09:00:00.")]
    [InlineData("2026-11-25 09:00:00.12345678")]
    [InlineData("2026-02-30 09:00:00")]
    [InlineData("2026-13-01 09:00:00")]
    [InlineData("2026-11-25 24:00:00")]
    [InlineData("2026-11-25 09:60:00")]
    [InlineData("0000-11-25 09:00:00")]
    [InlineData("2026-1a-25 09:00:00")]
    [InlineData("2026-11-25")]
    [InlineData("")]
    public void TextInAnyOtherFormIsLeftToTheReader(string text) => Assert.False(StoredDates.TryParse(text, out _));
}
