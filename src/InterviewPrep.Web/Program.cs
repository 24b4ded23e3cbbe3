using InterviewPrep.Web.Data;
using InterviewPrep.Web.Data.Sqlite;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Interviews;
using InterviewPrep.Web.Features.Mock;
using InterviewPrep.Web.Features.Questions;
using InterviewPrep.Web.Infrastructure;
using Microsoft.Extensions.Options;

var command = AppCommand.Parse(args);
try
{
    var builder = WebApplication.CreateBuilder(command.HostArgs);
    builder.AddLogging();
    builder.AddData();
    builder.AddContent();
    builder.AddQuestions();
    builder.AddAccounts();
    builder.AddInterviews();
    builder.AddFlashcards();
    builder.AddMock();
    builder.AddWeb();

    var app = builder.Build();
    switch (command.Name)
    {
        case "migrate":
            return await MigrateCommand.RunAsync(app);
        case "import":
            return await ImportCommand.RunAsync(app, command.CheckOnly);
        case "backup" or "restore":
            return await BackupCommand.RunAsync(app, command.Name, command.Path);
        case "copy-database":
            return await CopyDatabaseCommand.RunAsync(app, command.Path);
    }
    app.UseWeb();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is StartupException or OptionsValidationException)
{
    // The reason is already in the log; say it once more, plainly, without a stack trace.
    await Console.Error.WriteLineAsync($"InterviewPrep could not start: {ex.Message}");
    return 1;
}

/// <summary>The app's entry point; public so that tests can host it.</summary>
public partial class Program;
