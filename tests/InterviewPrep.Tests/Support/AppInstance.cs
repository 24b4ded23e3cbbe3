using System.Diagnostics;
using System.Net;
using System.Text;

namespace InterviewPrep.Tests.Support;

/// <summary>
/// One instance of the app as its own process on a loopback port, as a farm runs it: its own data folder, the database
/// and content it is given. It keeps what the process printed, for the assertions on its log and for a failure message.
/// </summary>
public sealed class AppInstance : IDisposable
{
    private readonly string[] _args;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public AppInstance(string name, IEnumerable<string> settings)
    {
        Name = name;
        Port = AppProcess.FreePort();
        DataDirectory = Path.Combine(Path.GetTempPath(), $"interviewprep-{name}-{Guid.NewGuid():N}");
        _args = [.. settings, $"--urls=http://127.0.0.1:{Port}", $"--Storage:DataDirectory={DataDirectory}"];
    }

    public string Name { get; }

    public int Port { get; }

    public string DataDirectory { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>Everything the process printed so far (all its runs).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool IsRunning => _process is { HasExited: false };

    public AppInstance Start()
    {
        _process?.Dispose();
        // A home of its own, as on a machine of its own: nothing is shared through the user's folders (the framework
        // would keep data-protection keys in ~/.aspnet when told nothing else).
        Directory.CreateDirectory(DataDirectory);
        _process = AppProcess.Start(_args, new Dictionary<string, string> { ["HOME"] = DataDirectory });
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        return this;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine($"[{Name}] {line}");
            }
        }
    }

    /// <summary>Waits until <c>/healthz/ready</c> answers 200; fails with the instance's output if it does not in time.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"{Name} exited before it was ready:\n{Output}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri("healthz/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Name} was not ready after {timeout}:\n{Output}");
    }

    /// <summary>A client of this instance that keeps its cookies in the given jar, which clients of other instances may share.</summary>
    public HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Waits for the process to end by itself, and for the last of what it printed.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        if (_process is { } process)
        {
            // With the output read as events, this also waits until both streams are read to their end.
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
    }

    /// <summary>Ends the process at once, as SIGKILL does: nothing of it runs on.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
        _process = null;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for the OS to clean.
        }
    }
}
