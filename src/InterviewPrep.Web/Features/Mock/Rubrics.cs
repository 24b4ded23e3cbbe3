namespace InterviewPrep.Web.Features.Mock;

/// <summary>One signal an interviewer rates, 1 to 4, with what each level looks like.</summary>
public sealed record Signal(string Name, string Level1, string Level2, string Level3, string Level4)
{
    public string Level(int score) => score switch { 1 => Level1, 2 => Level2, 3 => Level3, _ => Level4 };
}

/// <summary>The four signals an answer is rated on; which four depends on the kind of question.</summary>
public sealed record Rubric(string Name, IReadOnlyList<Signal> Signals)
{
    public static Rubric Concepts { get; } = new("Concepts",
    [
        new("Correctness", "Wrong or confused on the core idea.", "Right in outline, with an error or a gap.", "Correct throughout.", "Correct and precise, with the formula or mechanism."),
        new("Depth and trade-offs", "Stays at the definition.", "Names a trade-off without explaining it.", "Explains when and why it matters.", "Weighs alternatives and their failure modes unprompted."),
        new("Structure and clarity", "Hard to follow.", "Gets there, with detours.", "Clear order: definition, mechanism, example.", "Crisp and well paced; easy to interrupt and resume."),
        new("Examples from experience", "No example.", "A textbook example.", "A concrete example of one's own.", "A real case with numbers and what it taught."),
    ]);

    public static Rubric Coding { get; } = new("Coding",
    [
        new("A working solution", "No working approach.", "An approach with bugs.", "Works on the main cases.", "Correct, clean and idiomatic."),
        new("Complexity", "Not considered.", "Stated, but wrong or vague.", "Correct time and space.", "Correct, with a better alternative or the bound's reason."),
        new("Testing and edge cases", "None.", "Happy path only.", "Edge cases named and checked.", "Tests written first or alongside, edge cases covered."),
        new("Communication", "Silent or unclear.", "Explains after the fact.", "Thinks aloud, checks assumptions.", "Drives the session: plan, trade-offs, trace-through."),
    ]);

    public static Rubric SystemDesign { get; } = new("System design",
    [
        new("Requirements and metrics", "Jumps to a model.", "Some requirements, no metric.", "Clear scope, online and offline metrics.", "Scope, metrics and guardrails tied to the business goal."),
        new("Data and model", "Vague about data or labels.", "Data named, labels or leakage missed.", "Sound data, labels and a baseline model.", "Data, labels, features and model choices justified."),
        new("Architecture and serving", "No serving picture.", "A sketch with gaps.", "A workable architecture within the latency budget.", "A clean funnel with numbers: QPS, latency, storage."),
        new("Trade-offs and scale", "None discussed.", "Named, not weighed.", "Weighed for the main choices.", "Explores 10x scale, cost and failure modes unprompted."),
    ]);

    public static Rubric Behavioral { get; } = new("Behavioral",
    [
        new("Situation and stakes", "No clear situation.", "Situation without stakes.", "Clear situation and why it mattered.", "Vivid, brief context with real stakes."),
        new("Own actions", "Says 'we' throughout.", "Own actions, vague.", "Specific actions of one's own.", "Specific actions and the reasoning behind them."),
        new("Result with numbers", "No result.", "A result without evidence.", "A measured result.", "A measured result and its effect on the team or business."),
        new("Reflection", "None.", "Generic lesson.", "A specific lesson.", "A lesson and how it changed later work."),
    ]);

    /// <summary>The rubric for a question of this category.</summary>
    public static Rubric For(string categorySlug) => categorySlug switch
    {
        "coding" => Coding,
        "system-design" => SystemDesign,
        "behavioral" => Behavioral,
        _ => Concepts,
    };
}

/// <summary>What each kind of round asks and how long a question of it takes.</summary>
public static class MockKinds
{
    private static readonly string[] FundamentalCategories = ["theory", "statistics", "practical", "data", "deep-learning", "frameworks"];

    public static readonly IReadOnlyList<MockKind> Choosable =
        [MockKind.Fundamentals, MockKind.Coding, MockKind.SystemDesign, MockKind.GenAI, MockKind.Behavioral, MockKind.Onsite];

    public static readonly IReadOnlyList<int> Lengths = [15, 30, 45, 60];

    public static string Title(MockKind kind) => kind switch
    {
        MockKind.Fundamentals => "ML fundamentals screen",
        MockKind.Coding => "ML coding",
        MockKind.SystemDesign => "ML system design",
        MockKind.GenAI => "Generative AI and LLMs",
        MockKind.Behavioral => "Behavioral",
        MockKind.Onsite => "Mixed onsite loop",
        _ => "Interview round",
    };

    public static string Description(MockKind kind) => kind switch
    {
        MockKind.Fundamentals => "Short concept questions from theory, statistics, practice, data, deep learning and tools: about 5 minutes each.",
        MockKind.Coding => "Implement an ML building block in Python: about 15 minutes each.",
        MockKind.SystemDesign => "Design an ML system end to end: one long question, 20 minutes or more.",
        MockKind.GenAI => "LLMs, RAG, agents, evaluation and serving: about 5 minutes each.",
        MockKind.Behavioral => "Stories about your own work, told with stakes, actions and results: about 7 minutes each.",
        MockKind.Onsite => "A question from each kind of round in turn, as a loop would.",
        _ => "Your interview's checklist first, then its categories.",
    };

    /// <summary>The categories a kind of round draws from; empty for an interview's round, which has its own.</summary>
    public static IReadOnlyList<string> Categories(MockKind kind) => kind switch
    {
        MockKind.Fundamentals => FundamentalCategories,
        MockKind.Coding => ["coding"],
        MockKind.SystemDesign => ["system-design"],
        MockKind.GenAI => ["genai"],
        MockKind.Behavioral => ["behavioral"],
        MockKind.Onsite => [.. OnsiteSlots.SelectMany(slot => slot)],
        _ => [],
    };

    /// <summary>The slots of a mixed loop, in turn: each draws from its categories.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> OnsiteSlots =
        [FundamentalCategories, ["genai"], ["behavioral"], ["coding"], ["system-design"]];

    /// <summary>Minutes a question of this category takes in a round.</summary>
    public static int MinutesFor(string categorySlug) => categorySlug switch
    {
        "coding" => 15,
        "system-design" => 20,
        "behavioral" => 7,
        _ => 5,
    };
}
