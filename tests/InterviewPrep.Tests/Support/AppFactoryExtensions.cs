using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Content;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Support;

public static class AppFactoryExtensions
{
    /// <summary>Runs an import now, as the command line would, and returns its report.</summary>
    public static async Task<ImportReport> ImportAsync(this AppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync();
    }

    /// <summary>Runs a query against the app's database.</summary>
    public static async Task<T> QueryAsync<T>(this AppFactory factory, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
