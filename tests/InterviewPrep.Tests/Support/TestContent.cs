using System.Globalization;
using System.Text;

namespace InterviewPrep.Tests.Support;

/// <summary>Builds a content folder on disk for a test: categories, questions and guides in the real format.</summary>
public sealed class TestContent : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "interviewprep-content-" + Guid.NewGuid().ToString("N"));

    public TestContent() => Directory.CreateDirectory(Root);

    /// <summary>Two categories, a guide, and <paramref name="theoryQuestions"/> questions in theory plus three in practical.</summary>
    public static TestContent Sample(int theoryQuestions = 5)
    {
        var content = new TestContent()
            .WithCategory("theory", "Theoretical concepts", 1)
            .WithCategory("practical", "Practical applications", 2)
            .WithGuide("faq", "Frequently asked questions")
            .WithQuestion("theory", "overfitting", "What is overfitting, and how do you detect it?", "easy", ["generalization", "regularization"], ["bias-variance-tradeoff"],
                answer: "Overfitting is when a model memorises noise in the training data. Compare training and validation error: $\\text{gap} = R(f) - \\hat{R}(f)$.")
            .WithQuestion("theory", "bias-variance-tradeoff", "Explain the bias-variance tradeoff", "medium", ["generalization"], ["overfitting"],
                answer: "Expected error splits into bias squared, variance and noise. A flexible model that overfits has high variance.")
            .WithQuestion("practical", "precision-and-recall", "What are precision and recall?", "easy", ["metrics", "classification"], [],
                answer: "Precision is $\\frac{TP}{TP + FP}$ and recall is $\\frac{TP}{TP + FN}$.")
            .WithQuestion("practical", "confusion-matrix", "How do you read a confusion matrix?", "easy", ["metrics"], ["precision-and-recall"],
                answer: "A table of predicted against actual classes.")
            .WithQuestion("practical", "evaluating-regression-models", "How would you evaluate a regression model?", "hard", ["metrics", "regression"], [],
                answer: "Look at MAE and RMSE and the residuals.\n\n```python\nimport numpy as np\nrmse = np.sqrt(np.mean((y - p) ** 2))\n```");
        for (var i = 3; i <= theoryQuestions; i++)
        {
            var n = i.ToString("00", CultureInfo.InvariantCulture);
            content.WithQuestion("theory", $"theory-question-{n}", $"Theory question number {n} about kernels", i % 3 == 0 ? "hard" : "medium", ["kernels"], [],
                answer: $"Answer {n} explains support vector machines and the kernel trick.");
        }
        return content;
    }

    public TestContent WithCategory(string slug, string title, int order) => Write($"categories/{slug}.md", $"""
        ---
        title: "{title}"
        order: {order}
        summary: "What {title.ToLowerInvariant()} covers."
        ---
        Interviewers probe how well you understand {title.ToLowerInvariant()}.
        """);

    public TestContent WithGuide(string slug, string title) => Write($"guides/{slug}.md", $"""
        ---
        title: "{title}"
        order: 1
        summary: "Short answers to common questions."
        ---
        ## How long should I prepare?

        Four to six weeks of steady practice.

        ## What happens on the day?

        Four or five rounds, each about an hour.
        """);

    public TestContent WithQuestion(
        string category, string slug, string title, string difficulty = "medium",
        string[]? tags = null, string[]? related = null, string answer = "The model answer.") =>
        Write($"questions/{category}/{slug}.md", QuestionText(category, title, difficulty, tags ?? [], related ?? [], answer));

    public static string QuestionText(string category, string title, string difficulty, string[] tags, string[] related, string answer) => $"""
        ---
        title: "{title}"
        category: {category}
        difficulty: {difficulty}
        tags: [{string.Join(", ", tags)}]
        related: [{string.Join(", ", related)}]
        ---
        ## Answer

        {answer}

        ## How to answer it

        Start with a definition, then give an example.

        ## Example answer

        I would say it plainly and give one concrete example from a project.

        ## Follow-ups

        - How would you explain it to a product manager?
        - What would you try first?

        ## Key points

        - Defines the term in one sentence.
        - Gives a concrete example.
        - Names a way to detect it.
        """;

    public TestContent Write(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public TestContent WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public TestContent Delete(string relativePath)
    {
        File.Delete(Path.Combine(Root, relativePath));
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
