using System.Globalization;

namespace InterviewPrep.Web.Features.Content;

/// <summary>What an import (or a check) did, and every problem it found.</summary>
public sealed class ImportReport
{
    public int Files { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Restored { get; set; }
    public int Unchanged { get; set; }
    public int Retired { get; set; }
    public int Rejected { get; set; }
    public int PagesChanged { get; set; }
    public TimeSpan Elapsed { get; set; }
    public List<ContentProblem> Problems { get; } = [];

    /// <summary>True for a check: nothing was written, so only validity is reported.</summary>
    public bool CheckOnly { get; set; }

    public bool HasChanges => Added + Updated + Restored + Retired + PagesChanged > 0;

    public string Summary => CheckOnly
        ? string.Create(CultureInfo.InvariantCulture,
            $"{Files} files checked: {Rejected} question files rejected; {Problems.Count} problems; {Elapsed.TotalSeconds:0.00} s")
        : string.Create(CultureInfo.InvariantCulture,
        $"{Files} files: {Added} added, {Updated} updated, {Restored} restored, {Unchanged} unchanged, {Retired} retired, {Rejected} rejected; {PagesChanged} category or guide pages changed; {Problems.Count} problems; {Elapsed.TotalSeconds:0.00} s");
}

/// <summary>How far an import has come, for a progress line.</summary>
public readonly record struct ImportProgress(string Stage, int Done, int Total);
