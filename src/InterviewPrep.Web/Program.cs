using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Interviews;
using InterviewPrep.Web.Features.Questions;
using InterviewPrep.Web.Infrastructure;

var command = AppCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArgs);
builder.AddLogging();
builder.AddData();
builder.AddContent();
builder.AddQuestions();
builder.AddAccounts();
builder.AddInterviews();
builder.AddFlashcards();
builder.AddWeb();

var app = builder.Build();
if (command.Name == "import")
{
    return await ImportCommand.RunAsync(app, command.CheckOnly);
}

app.UseWeb();
await app.RunAsync();
return 0;

/// <summary>The app's entry point; public so that tests can host it.</summary>
public partial class Program;
