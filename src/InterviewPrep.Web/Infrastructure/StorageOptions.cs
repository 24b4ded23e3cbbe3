using System.ComponentModel.DataAnnotations;

namespace InterviewPrep.Web.Infrastructure;

/// <summary>Where the app keeps its state: the database, logs, backups and data-protection keys.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Absolute, or relative to the content root (the project folder under <c>dotnet run</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    public string DatabasePath => Path.Combine(DataDirectory, "interviewprep.db");
    public string LogDirectory => Path.Combine(DataDirectory, "logs");
}

/// <summary>Which database engine holds the data.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [RegularExpression("^(?i:sqlite)$", ErrorMessage = "Database:Provider must be 'Sqlite'; other providers are not supported yet.")]
    public string Provider { get; set; } = "Sqlite";
}
