using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InterviewPrep.Web.Data.Sqlite;

/// <summary>
/// The hand-written SQL of SQLite names entities and properties, not tables and columns: <c>[Flashcard]</c> is the
/// table of <c>Flashcard</c> and <c>[Flashcard.DueUtc]</c> its column, both taken from EF Core's model of the SQLite
/// context, so a table or column renamed in the model is renamed here too, and a property the model does not have
/// stops the app at its first use of the statement instead of failing one query in production.
/// </summary>
internal static partial class ModelSql
{
    private static readonly Lazy<IModel> Model = new(() =>
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        return db.Model;
    });

    [GeneratedRegex(@"\[(\w+)(?:\.(\w+))?\]")]
    private static partial Regex Token();

    /// <summary>The SQL with every <c>[Entity]</c> and <c>[Entity.Property]</c> made the model's quoted table or column name.</summary>
    public static string Resolve(string sql) => Token().Replace(sql, match =>
    {
        var entity = Entity(match.Groups[1].Value);
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        if (!match.Groups[2].Success)
        {
            return Quote(table.Name);
        }
        var property = entity.FindProperty(match.Groups[2].Value)
            ?? throw new InvalidOperationException($"The model's {entity.ClrType.Name} has no property {match.Groups[2].Value} (in: {sql})");
        return Quote(property.GetColumnName(table)!);
    });

    /// <summary>The properties of an entity that a statement names, in order; for the tests that check a statement reads or writes them all.</summary>
    public static IReadOnlyList<string> PropertiesNamed(string sql, string entity) =>
        [.. Token().Matches(sql).Where(m => m.Groups[1].Value == entity && m.Groups[2].Success).Select(m => m.Groups[2].Value)];

    /// <summary>The properties the model maps to columns of an entity's table; without a key the database generates, for an insert.</summary>
    public static IReadOnlyList<string> MappedProperties(string entity, bool generatedKey) =>
        [.. Entity(entity).GetProperties().Where(p => generatedKey || p.ValueGenerated != ValueGenerated.OnAdd || !p.IsPrimaryKey()).Select(p => p.Name)];

    private static IEntityType Entity(string name) =>
        Model.Value.GetEntityTypes().SingleOrDefault(e => !e.HasSharedClrType && e.ClrType.Name == name)
        ?? throw new InvalidOperationException($"The model has no entity {name}.");

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
