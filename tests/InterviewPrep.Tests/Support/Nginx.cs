using System.Diagnostics;
using System.Text.RegularExpressions;

namespace InterviewPrep.Tests.Support;

/// <summary>
/// Debian's nginx (installed by <c>./test.sh</c>) run as this user from a folder of its own, with the site of
/// <c>deploy/nginx/interviewprep.conf</c> as written there, but for the addresses: the upstream instances, the ports it
/// listens on and a self-signed certificate in place of the placeholders.
/// </summary>
public sealed partial class Nginx : IDisposable
{
    public const string Executable = "/usr/sbin/nginx";

    private readonly string _prefix = Path.Combine(Path.GetTempPath(), $"interviewprep-nginx-{Guid.NewGuid():N}");

    private Nginx(int httpsPort)
    {
        HttpsPort = httpsPort;
    }

    public int HttpsPort { get; }

    public Uri Address => new($"https://127.0.0.1:{HttpsPort}/");

    /// <summary>The deployment's site file, as the repository has it.</summary>
    public static string SiteFile => Path.Combine(Repository.Root, "deploy", "nginx", "interviewprep.conf");

    /// <summary>Writes the site for these upstream ports, checks it with <c>nginx -t</c> and starts nginx.</summary>
    public static async Task<Nginx> StartAsync(params int[] upstreamPorts)
    {
        var nginx = new Nginx(AppProcess.FreePort());
        try
        {
            var (exitCode, output) = await nginx.RunAsync(nginx.WriteConfig(upstreamPorts, AppProcess.FreePort()), "-t");
            if (exitCode != 0)
            {
                throw new InvalidOperationException("nginx -t failed:\n" + output);
            }
            (exitCode, output) = await nginx.RunAsync(Path.Combine(nginx._prefix, "nginx.conf"));
            if (exitCode != 0)
            {
                throw new InvalidOperationException("nginx did not start:\n" + output);
            }
            return nginx;
        }
        catch
        {
            nginx.Dispose();
            throw;
        }
    }

    /// <summary>Checks the site file with <c>nginx -t</c>, its certificate placeholders pointed at a self-signed pair.</summary>
    public static async Task<(int ExitCode, string Output)> TestSiteAsync()
    {
        using var nginx = new Nginx(AppProcess.FreePort());
        return await nginx.RunAsync(nginx.WriteConfig([AppProcess.FreePort(), AppProcess.FreePort()], AppProcess.FreePort()), "-t");
    }

    private string WriteConfig(int[] upstreamPorts, int httpPort)
    {
        Directory.CreateDirectory(_prefix);
        var (certificate, key) = (Path.Combine(_prefix, "site.pem"), Path.Combine(_prefix, "site.key"));
        var openssl = Process.Start(new ProcessStartInfo("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", certificate]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        openssl.WaitForExit();

        var site = File.ReadAllText(SiteFile);
        var servers = string.Concat(upstreamPorts.Select(p => $"    server 127.0.0.1:{p} max_fails=2 fail_timeout=10s;\n"));
        site = UpstreamServers().Replace(site, servers, 1);
        site = site.Replace("listen [::]:80;", "", StringComparison.Ordinal).Replace("listen [::]:443 ssl http2;", "", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{httpPort};", StringComparison.Ordinal)
            .Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{HttpsPort} ssl http2;", StringComparison.Ordinal)
            .Replace("/etc/ssl/certs/interviewprep.pem", certificate, StringComparison.Ordinal)
            .Replace("/etc/ssl/private/interviewprep.key", key, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_prefix, "site.conf"), site);

        // The main file Debian's package would have, reduced to what a user without root can run.
        var config = Path.Combine(_prefix, "nginx.conf");
        // As root (CI), its workers would run as nobody, who may not write the temporary folders here.
        var user = Environment.UserName == "root" ? "user root;" : "";
        File.WriteAllText(config, $$"""
            {{user}}
            pid {{_prefix}}/nginx.pid;
            error_log {{_prefix}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log {{_prefix}}/access.log;
                client_body_temp_path {{_prefix}}/body;
                proxy_temp_path {{_prefix}}/proxy;
                fastcgi_temp_path {{_prefix}}/fastcgi;
                uwsgi_temp_path {{_prefix}}/uwsgi;
                scgi_temp_path {{_prefix}}/scgi;
                include {{_prefix}}/site.conf;
            }
            """);
        return config;
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string config, params string[] args)
    {
        var info = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in (string[])["-p", _prefix + "/", "-e", Path.Combine(_prefix, "error.log"), "-c", config, .. args])
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    /// <summary>The access log: a line per request, with the status nginx answered.</summary>
    public string AccessLog => File.Exists(Path.Combine(_prefix, "access.log")) ? File.ReadAllText(Path.Combine(_prefix, "access.log")) : "";

    public void Dispose()
    {
        var pidFile = Path.Combine(_prefix, "nginx.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            try
            {
                using var master = Process.GetProcessById(pid);
                master.Kill(entireProcessTree: true);
                master.WaitForExit();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
        try
        {
            Directory.Delete(_prefix, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    [GeneratedRegex(@"(    server 127\.0\.0\.1:\d+[^\n]*\n?)+")]
    private static partial Regex UpstreamServers();
}
