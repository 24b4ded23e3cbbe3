using System.Text.Json;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Interviews;
using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Web.Data.Configurations;

internal sealed class FlashcardConfiguration : IEntityTypeConfiguration<Flashcard>
{
    public void Configure(EntityTypeBuilder<Flashcard> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        // Questions are retired, never deleted: the card and its history outlive the question's file.
        builder.HasOne<Question>().WithMany().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AskedQuestion>().WithMany().HasForeignKey(c => c.AskedQuestionId).OnDelete(DeleteBehavior.SetNull);
        // One card per user and bank question, even when two requests create it at once.
        builder.HasIndex(c => new { c.UserId, c.QuestionId }).IsUnique();
        builder.HasIndex(c => new { c.UserId, c.DueUtc });
        // A user's deck as every review and grade reads it (FlashcardQueries.HeadsOf), from this index alone and already in
        // id order: the rows of one user lie scattered over the table, because users study at the same time.
        builder.HasIndex(c => new { c.UserId, c.Id, c.QuestionId, c.State, c.DueUtc, c.IsSuspended, c.BuriedUntilUtc, c.Tags, c.IsDeleted })
            .HasFilter("NOT \"IsDeleted\"").HasDatabaseName("IX_Flashcards_Heads");
        builder.Property(c => c.Front).HasMaxLength(Flashcard.FrontMaxLength);
        builder.Property(c => c.Tags).HasMaxLength(Flashcard.TagsMaxLength);
        builder.Property(c => c.State).HasConversion<int>();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Memory);
        builder.Ignore(c => c.IsOwn);
        builder.ToTable(t => t.HasCheckConstraint("CK_Flashcards_BankOrOwn", "(\"QuestionId\" IS NULL) <> (\"Front\" IS NULL)"));
    }
}

internal sealed class ReviewLogConfiguration : IEntityTypeConfiguration<ReviewLog>
{
    public void Configure(EntityTypeBuilder<ReviewLog> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Card).WithMany().HasForeignKey(l => l.FlashcardId).OnDelete(DeleteBehavior.Cascade);
        // Covers today's counts on every review page (kind and state before, undone or not by the UndoesId index).
        builder.HasIndex(l => new { l.UserId, l.ReviewedAtUtc, l.Kind, l.StateBefore });
        // The user's last review (undo, on every review page) without sorting their whole history.
        builder.HasIndex(l => new { l.UserId, l.Id });
        // The database's own guard against a showing logged twice and a review undone twice.
        builder.HasIndex(l => new { l.FlashcardId, l.CardVersion }).IsUnique();
        builder.HasIndex(l => l.UndoesId).IsUnique();
        // Cascade, not restrict: SQLite checks a restrict row by row, which would stop the account deletion that erases the log.
        builder.HasOne<ReviewLog>().WithMany().HasForeignKey(l => l.UndoesId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Grade).HasConversion<int?>();
        builder.Property(l => l.Deck).HasMaxLength(80);
        builder.Property(l => l.Before).HasConversion(s => CardSnapshotJson.Write(s), s => CardSnapshotJson.Read(s)).HasColumnName("BeforeJson");
        builder.Property(l => l.After).HasConversion(s => CardSnapshotJson.Write(s), s => CardSnapshotJson.Read(s)).HasColumnName("AfterJson");
    }
}

/// <summary>A card snapshot as a review log's column holds it.</summary>
internal static class CardSnapshotJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Doubles and ticks round-trip exactly through System.Text.Json, which is what makes undo exact.
    public static string Write(CardSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Json);

    public static CardSnapshot Read(string json) => JsonSerializer.Deserialize<CardSnapshot>(json, Json)!;
}

internal sealed class FlashcardSettingsConfiguration : IEntityTypeConfiguration<FlashcardSettings>
{
    public void Configure(EntityTypeBuilder<FlashcardSettings> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<FlashcardSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
