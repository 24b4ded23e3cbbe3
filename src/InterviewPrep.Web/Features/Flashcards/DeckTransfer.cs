using System.Net;
using System.Text;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>The outcome of an import: how many cards were added, and each row that was not, by line.</summary>
public sealed record ImportReport(int Imported, IReadOnlyList<(int Line, string Problem)> Skipped);

/// <summary>What the rows of an import file say: the card of each good row, and each bad row by line.</summary>
public sealed record ImportRows(IReadOnlyList<CardForm> Cards, IReadOnlyList<(int Line, string Problem)> Skipped);

/// <summary>Exports a deck (CSV that Anki's text import reads, or JSON with the review history) and imports own cards from CSV.</summary>
public sealed class DeckTransfer(AppDbContext db, DatabaseWrites writes, FlashcardLibrary library, MarkdownRenderer renderer, TimeProvider time)
{
    public const int MaxImportBytes = 1_000_000;
    public const int MaxImportRows = 2_000;

    /// <summary>
    /// Anki's text import with file headers (Anki 2.1.55 and later): comma-separated, HTML in the fields, tags in
    /// the third column. Cells are quoted as RFC 4180 has it, without the apostrophe a spreadsheet export would
    /// add before "=", because Anki would keep it as text.
    /// </summary>
    public async Task<string> CsvAsync(string userId, Deck deck, CancellationToken ct)
    {
        var material = await library.FullMaterialAsync(userId, ct);
        var members = material.Members(deck);
        var ids = members.Where(m => m.Question is not null).Select(m => m.Question!.Id).ToList();
        var answers = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id))
            .Select(q => new { q.Id, q.AnswerHtml, q.HowToAnswerHtml, q.ExampleAnswerHtml })
            .ToDictionaryAsync(q => q.Id, ct);
        var csv = new StringBuilder();
        csv.Append("#separator:Comma\r\n#html:true\r\n#tags column:3\r\n#columns:Front,Back,Tags\r\n");
        foreach (var (question, card) in members)
        {
            if (question is not null)
            {
                var a = answers[question.Id];
                var back = a.AnswerHtml + "<h3>How to answer it</h3>" + a.HowToAnswerHtml + "<h3>Example answer</h3>" + a.ExampleAnswerHtml;
                var tags = string.Join(' ', question.Tags.Prepend(question.CategorySlug).Distinct(StringComparer.Ordinal));
                CsvRows.AppendLine(csv, WebUtility.HtmlEncode(question.Title), back, tags);
            }
            else
            {
                CsvRows.AppendLine(csv, WebUtility.HtmlEncode(card!.Front!), card.BackHtml, string.Join(' ', card.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Prepend("own")));
            }
        }
        return csv.ToString();
    }

    /// <summary>The deck's cards with their memory and every entry of their review log.</summary>
    public async Task<object> JsonAsync(string userId, Deck deck, CancellationToken ct)
    {
        var material = await library.FullMaterialAsync(userId, ct);
        var members = material.Members(deck);
        var cardIds = members.Where(m => m.Card is not null).Select(m => m.Card!.Id).ToList();
        var logs = (await db.ReviewLogs.AsNoTracking().OwnedBy(userId).Where(l => cardIds.Contains(l.FlashcardId))
                .OrderBy(l => l.Id).ToListAsync(ct))
            .ToLookup(l => l.FlashcardId);
        return new
        {
            format = "interviewprep-flashcards",
            version = 1,
            deck = deck.Value,
            exportedAtUtc = time.GetUtcNow().UtcDateTime,
            cards = members.Select(m => new
            {
                id = m.Card?.Id,
                question = m.Question is { } q ? new { q.Slug, q.Title, category = q.CategorySlug, retired = q.IsRetired } : null,
                front = m.Card?.Front,
                back = m.Card is { IsOwn: true } own ? own.BackMarkdown : null,
                tags = m.Card is { IsOwn: true } t ? t.Tags : null,
                memory = m.Card is { } c ? new
                {
                    state = c.State.ToString(), dueUtc = c.DueUtc, c.Stability, c.Difficulty, c.ElapsedDays, c.ScheduledDays, c.Reps, c.Lapses,
                    c.LearningStep, lastReviewUtc = c.LastReviewUtc, suspended = c.IsSuspended, leech = c.IsLeech, buriedUntilUtc = c.BuriedUntilUtc,
                } : null,
                reviews = m.Card is { } withLog ? logs[withLog.Id].Select(l => new
                {
                    l.Id, kind = l.Kind.ToString(), grade = (int?)l.Grade, atUtc = l.ReviewedAtUtc, l.DurationMs, l.Deck, undoes = l.UndoesId, before = l.Before, after = l.After,
                }) : null,
            }),
        };
    }

    /// <summary>Adds own cards from CSV rows of front, back (markdown) and optional tags. Bad rows are skipped and reported by line; the good ones are all saved.</summary>
    public async Task<ImportReport> ImportAsync(string userId, string text, CancellationToken ct)
    {
        var existing = (await db.Flashcards.AsNoTracking().OwnedBy(userId).Where(c => c.Front != null && !c.IsDeleted).Select(c => c.Front!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        var rows = ReadImport(text, existing);
        var added = rows.Cards.Select(form =>
        {
            var card = new Flashcard { UserId = userId, CreatedAtUtc = now };
            form.ApplyTo(card, renderer);
            card.Apply(CardMemory.New(new DateTimeOffset(now, TimeSpan.Zero)));
            return card;
        }).ToList();
        db.Flashcards.AddRange(added);
        await writes.SaveAsync(ct);
        return new ImportReport(added.Count, rows.Skipped);
    }

    /// <summary>
    /// The parsing step of an import, without the database: the card of each good row, and each bad row by line.
    /// <paramref name="fronts"/> holds the user's fronts and gains each imported one, so a repeated front is a bad row.
    /// </summary>
    public static ImportRows ReadImport(string text, ISet<string> fronts)
    {
        var cards = new List<CardForm>();
        var skipped = new List<(int, string)>();
        var rows = 0;
        foreach (var row in CsvRows.Read(text))
        {
            if (++rows > MaxImportRows)
            {
                skipped.Add((row.Line, $"only the first {MaxImportRows:N0} rows of a file are read; import the rest as another file"));
                break;
            }
            if (rows == 1 && row.Problem is null && row.Cells[0].Trim().Equals("front", StringComparison.OrdinalIgnoreCase))
            {
                continue; // a header row
            }
            var problem = row.Problem ?? Check(row.Cells);
            if (problem is null && !fronts.Add(row.Cells[0].Trim()))
            {
                problem = "you already have a card with this front";
            }
            if (problem is not null)
            {
                skipped.Add((row.Line, problem));
                continue;
            }
            cards.Add(new CardForm { Front = row.Cells[0], Back = row.Cells[1], Tags = row.Cells.Count > 2 ? row.Cells[2] : null });
        }
        return new ImportRows(cards, skipped);
    }

    private static string? Check(IReadOnlyList<string> cells) => cells switch
    {
        { Count: < 2 } => "a row needs a front and a back, separated by a comma",
        { Count: > 3 } => $"the row has {cells.Count} columns; expected front, back and (optionally) tags",
        _ when string.IsNullOrWhiteSpace(cells[0]) => "the front is empty",
        _ when cells[0].Trim().Length > Flashcard.FrontMaxLength => "the front is longer than 500 characters",
        _ when cells[1].Length > Flashcard.BackMaxLength => "the back is longer than 20,000 characters",
        _ when cells.Count > 2 && (cells[2].Length > Flashcard.TagsMaxLength || CardForm.NormalizeTags(cells[2]) is null) => "the tags must be words of letters, digits and dashes",
        _ => null,
    };
}
