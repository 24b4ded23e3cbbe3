using System.Net;
using System.Net.Http.Headers;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Mock;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Mock;

/// <summary>Spoken answers recorded in the browser: kept with the answer, played back to their owner only, deletable.</summary>
public sealed class RecordingAnAnswer : IDisposable
{
    private static readonly byte[] Webm = [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01];
    private readonly TestContent _content = TestContent.Sample(theoryQuestions: 6);
    private readonly AppFactory _app;

    public RecordingAnAnswer() => _app = new AppFactory(_content);

    public void Dispose()
    {
        _app.Dispose();
        _content.Dispose();
    }

    private async Task<(HttpClient Client, int Round, string AnswerId, string Token)> StartAsync()
    {
        var client = await _app.SignedInClientAsync();
        var started = await client.SubmitAsync("/mock", new Dictionary<string, string?> { ["Input.Kind"] = "Fundamentals", ["Input.Length"] = "15" });
        var round = int.Parse(started.Location().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var page = await client.GetDocumentAsync($"/mock/{round}");
        return (client, round,
            page.QuerySelector("form[data-answer-form] input[name=AnswerId]")!.GetAttribute("value")!,
            page.QuerySelector("form[data-answer-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
    }

    /// <summary>The answer form as the browser sends it with a file in its recording field.</summary>
    private static Task<HttpResponseMessage> SubmitWithFileAsync(HttpClient client, int round, string answerId, string token, string text, byte[] file, string contentType)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(answerId), "AnswerId" },
            { new StringContent(text), "Text" },
            { new StringContent("typed"), "Mode" },
        };
        var audio = new ByteArrayContent(file);
        audio.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(audio, "Recording", "answer.webm");
        return client.PostAsync(new Uri($"/mock/{round}?handler=Submit", UriKind.Relative), form);
    }

    [Fact]
    public async Task ARecordingIsKeptPlayedBackToItsOwnerOnlyAndCanBeDeleted()
    {
        var (client, round, answerId, token) = await StartAsync();

        var submitted = await SubmitWithFileAsync(client, round, answerId, token, "Notes I typed while speaking", Webm, "audio/webm;codecs=opus");
        var scoring = await client.GetDocumentAsync($"/mock/{round}");
        var source = scoring.QuerySelector("audio.mock-audio")!.GetAttribute("src")!;
        var played = await client.GetAsync(new Uri(source, UriKind.Relative));
        var intruder = await _app.SignedInClientAsync();

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/mock/{round}?handler=Audio&answerId={answerId}", source);
        Assert.Equal("audio/webm", played.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Webm, await played.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(new Uri(source, UriKind.Relative))).StatusCode);
        Assert.Equal(AnswerMode.Recorded, await _app.QueryAsync(db => db.Set<MockAnswer>().Where(a => a.Id == int.Parse(answerId, System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Mode).SingleAsync()));

        var intruderToken = (await intruder.GetDocumentAsync("/mock")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await intruder.PostAsync(new Uri($"/mock/{round}?handler=DeleteRecording", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", intruderToken), new("AnswerId", answerId)]));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        var deleted = await client.PostAsync($"/mock/{round}?handler=DeleteRecording", ("AnswerId", answerId));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(source, UriKind.Relative))).StatusCode);
        Assert.Equal("Notes I typed while speaking", await _app.QueryAsync(db => db.Set<MockAnswer>().Where(a => a.Id == int.Parse(answerId, System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Text).SingleAsync()));
    }

    [Fact]
    public async Task TheAccountExportIsAZipOfTheJsonAndTheRecordings()
    {
        var (client, round, answerId, token) = await StartAsync();
        await SubmitWithFileAsync(client, round, answerId, token, "", Webm, "audio/webm");

        var response = await client.GetAsync(new Uri("/account/export?format=zip", UriKind.Relative));
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        using var json = System.Text.Json.JsonDocument.Parse(zip.GetEntry("interviewprep-export.json")!.Open());
        var path = json.RootElement.GetProperty("mockRounds")[0].GetProperty("answers")[0].GetProperty("recording").GetString()!;
        using var audio = new MemoryStream();
        await zip.GetEntry(path)!.Open().CopyToAsync(audio);

        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"recordings/round-{round}-question-1.webm", path);
        Assert.Equal(Webm, audio.ToArray());
        Assert.Equal(2, zip.Entries.Count);

        // Erasing the account erases the recordings with it.
        await client.SubmitAsync("/account/delete", new Dictionary<string, string?> { ["Password"] = Users.Password });
        Assert.False(await _app.QueryAsync(db => db.MockRecordings.AnyAsync()));
    }

    [Theory]
    [InlineData("text/plain", 10, "That file is not audio.")]
    [InlineData("audio/webm", MockRecording.MaxBytes + 1, "the limit is 8 MB")]
    public async Task AFileThatIsNotAudioOrTooLargeIsRefusedNextToTheFieldAndTheTypedAnswerKept(string contentType, int size, string message)
    {
        var (client, round, answerId, token) = await StartAsync();

        var response = await SubmitWithFileAsync(client, round, answerId, token, "My typed answer", new byte[size], contentType);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        var reloaded = await client.GetDocumentAsync($"/mock/{round}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.FieldError("Recording")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("My typed answer", page.QuerySelector("textarea[name=Text]")!.TextContent);
        Assert.Equal("My typed answer", reloaded.QuerySelector("textarea[name=Text]")!.TextContent);
        Assert.False(await _app.QueryAsync(db => db.MockRecordings.AnyAsync()));
    }
}
