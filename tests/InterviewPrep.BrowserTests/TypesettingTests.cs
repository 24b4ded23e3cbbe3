using InterviewPrep.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InterviewPrep.BrowserTests;

/// <summary>Every page of the bank that has math or code is typeset in a real browser, with no KaTeX error and no script error.</summary>
[Collection(BrowserGroup.Name)]
public sealed class TypesettingTheBank(BrowserFixture browser)
{
    [Fact]
    public async Task EveryFormulaParsesAndEveryCodeBlockIsHighlighted()
    {
        List<string> urls;
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var questions = await db.Questions.Where(q => !q.IsRetired)
                .Where(q => (q.AnswerHtml + q.HowToAnswerHtml + q.FollowUpsHtml).Contains("class=\"math\"") || q.AnswerHtml.Contains("<pre>"))
                .Select(q => "/questions/" + q.Slug).ToListAsync();
            var guides = await db.Guides.Where(g => g.BodyHtml.Contains("class=\"math\"")).Select(g => "/guides/" + g.Slug).ToListAsync();
            var categories = await db.Categories.Where(c => c.BodyHtml.Contains("class=\"math\"")).Select(c => "/categories/" + c.Slug).ToListAsync();
            urls = [.. questions, .. guides, .. categories];
        }
        Assert.True(urls.Count >= 60, $"only {urls.Count} pages with math or code");

        var page = await browser.NewPageAsync();
        var errors = Journey.CollectErrors(page);
        var failures = new List<string>();
        await Journey.RunAsync(page, nameof(EveryFormulaParsesAndEveryCodeBlockIsHighlighted), async () =>
        {
            foreach (var url in urls)
            {
                await page.GotoAsync(url);
                await page.WaitForFunctionAsync(
                    "() => document.querySelectorAll('.prose .math').length === document.querySelectorAll('.prose .math .katex').length"
                    + " && document.querySelectorAll('.prose pre code').length === document.querySelectorAll('.prose pre code.hljs').length");
                var katexErrors = await page.Locator(".katex-error").AllTextContentsAsync();
                failures.AddRange(katexErrors.Select(e => $"{url}: KaTeX cannot parse {e}"));
                failures.AddRange(errors.Select(e => $"{url}: {e}"));
                errors.Clear();
            }
            Assert.True(failures.Count == 0, string.Join('\n', failures));
        });
    }
}
