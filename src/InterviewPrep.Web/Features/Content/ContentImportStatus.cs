namespace InterviewPrep.Web.Features.Content;

/// <summary>
/// Whether an import is running in this process and how far it has come. Pages show a progress banner while it
/// runs, and the output cache keeps no page built during an import (it might show the bank half old).
/// </summary>
public sealed class ContentImportStatus
{
    private readonly TaskCompletionSource<ImportReport?> _startup = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;
    private long _generation;
    private ImportProgress? _progress;
    private TaskCompletionSource _nextGeneration = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsRunning => Volatile.Read(ref _running) > 0;

    /// <summary>The last progress reported by the running import; null before the first report or when none runs.</summary>
    public ImportProgress? Progress => IsRunning ? _progress : null;

    /// <summary>Moves on when an import starts or ends: a page built across a change of generation is not cached.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// Completes when the generation next moves on. Take it before reading <see cref="Generation"/>, so that a change in
    /// between is not missed.
    /// </summary>
    public Task NextGeneration => Volatile.Read(ref _nextGeneration).Task;

    /// <summary>Completes when the import at start-up has finished (with its report), failed or was skipped (null).</summary>
    public Task<ImportReport?> StartupImport => _startup.Task;

    internal void Begin()
    {
        Interlocked.Increment(ref _running);
        Interlocked.Increment(ref _generation);
        _progress = null;
        Signal();
    }

    internal void Report(ImportProgress progress) => _progress = progress;

    internal void End()
    {
        Interlocked.Increment(ref _generation);
        Interlocked.Decrement(ref _running);
        Signal();
    }

    /// <summary>The bank changed outside this process: whatever was built from it is out of date.</summary>
    internal void Changed()
    {
        Interlocked.Increment(ref _generation);
        Signal();
    }

    private void Signal() =>
        Interlocked.Exchange(ref _nextGeneration, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    internal void StartupFinished(ImportReport? report) => _startup.TrySetResult(report);
}
