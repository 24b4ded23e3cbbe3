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
        var urls = await PagesWithMathOrCodeAsync();
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

    [Fact]
    public async Task OnAPhoneAShortFormulaKeepsThePunctuationAfterItOnItsLine()
    {
        var urls = await PagesWithMathOrCodeAsync(withCode: false);
        var page = await browser.NewPageAsync(width: 360, height: 800);
        var checkedFormulas = 0;
        var failures = new List<string>();
        await Journey.RunAsync(page, nameof(OnAPhoneAShortFormulaKeepsThePunctuationAfterItOnItsLine), async () =>
        {
            foreach (var url in urls)
            {
                await page.GotoAsync(url);
                await page.WaitForFunctionAsync("() => document.querySelectorAll('.prose .math').length === document.querySelectorAll('.prose .math .katex').length");
                // Each short inline formula with punctuation written against it: the punctuation's first character must sit to
                // the right of the formula's last line box, not at the start of the next line.
                var result = await page.EvaluateAsync<int[]>("""
                    () => {
                      let formulas = 0, broken = 0;
                      document.querySelectorAll('.prose span.math').forEach(m => {
                        const next = m.nextSibling;
                        const tex = m.querySelector('annotation')?.textContent ?? '';
                        if (!next || next.nodeType !== 3 || !/^[.,;:!?)]/.test(next.nodeValue) || tex.length > 40) return;
                        const range = document.createRange();
                        range.setStart(next, 0);
                        range.setEnd(next, 1);
                        const mark = range.getBoundingClientRect();
                        const boxes = m.getClientRects();
                        formulas++;
                        if (mark.left < boxes[boxes.length - 1].right - 1) broken++;
                      });
                      return [formulas, broken];
                    }
                    """);
                checkedFormulas += result[0];
                if (result[1] > 0)
                {
                    failures.Add($"{url}: {result[1]} of {result[0]} formulas lose their punctuation to the next line");
                }
            }
        });
        Assert.True(checkedFormulas >= 20, $"only {checkedFormulas} formulas with punctuation after them");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private async Task<List<string>> PagesWithMathOrCodeAsync(bool withCode = true)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var questions = await db.Questions.Where(q => !q.IsRetired)
            .Where(q => (q.AnswerHtml + q.HowToAnswerHtml + q.FollowUpsHtml).Contains("class=\"math\"") || (withCode && q.AnswerHtml.Contains("<pre>")))
            .Select(q => "/questions/" + q.Slug).ToListAsync();
        var guides = await db.Guides.Where(g => g.BodyHtml.Contains("class=\"math\"")).Select(g => "/guides/" + g.Slug).ToListAsync();
        var categories = await db.Categories.Where(c => c.BodyHtml.Contains("class=\"math\"")).Select(c => "/categories/" + c.Slug).ToListAsync();
        return [.. questions, .. guides, .. categories];
    }
}
