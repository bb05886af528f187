using System.Collections;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.Testing;

/// <summary>
/// One long-lived Python process (<c>aws_cli_server.py</c>) that runs AWS CLI command lines in-process, one at a
/// time: each call gets the whole environment, stdin and working directory a child process would get and answers
/// with its exit code and the exact bytes it printed.
/// </summary>
internal sealed class AwsCliServer : IDisposable
{
    private readonly Process _process;
    private int _disposed;

    private AwsCliServer(Process process) => _process = process;

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "aws_cli_server.py");

    /// <summary>Starts a server for the <c>aws</c> script at <paramref name="executable"/> and waits until it has imported awscli.</summary>
    public static async Task<AwsCliServer> StartAsync(string executable, TimeSpan timeout)
    {
        var interpreter = Interpreter(executable);
        var startInfo = new ProcessStartInfo(interpreter[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in interpreter.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.ArgumentList.Add(ScriptPath);
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {interpreter[0]}");
        var server = new AwsCliServer(process);
        try
        {
            var ready = await server.ReadAnswerAsync(timeout);
            if (ready?["ready"]?.GetValue<bool>() != true)
            {
                throw new InvalidOperationException($"{ScriptPath} did not report ready");
            }

            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Runs <c>aws</c> with <paramref name="arguments"/> as a child process started now would run it.</summary>
    public async Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments,
        IDictionary<string, string?>? environment,
        string? standardInput,
        string? workingDirectory,
        TimeSpan timeout)
    {
        var request = new JsonObject
        {
            ["argv"] = new JsonArray(arguments.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["env"] = ChildEnvironment(environment),
            ["stdin"] = standardInput,
            ["cwd"] = workingDirectory ?? Environment.CurrentDirectory,
        };
        await _process.StandardInput.WriteLineAsync(request.ToJsonString());
        await _process.StandardInput.FlushAsync();
        var answer = await ReadAnswerAsync(timeout) ?? throw new InvalidOperationException("the AWS CLI server sent no answer");
        return new ProcessResult(
            answer["exitCode"]!.GetValue<int>(),
            Decode(answer["stdout"]!.GetValue<string>()),
            Decode(answer["stderr"]!.GetValue<string>()));
    }

    public void Dispose()
    {
        // Disposed when a call fails and again when the test process exits.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(2)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (IOException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    // The interpreter on the aws script's shebang line, so the server imports that CLI's own awscli.
    private static string[] Interpreter(string executable)
    {
        string firstLine;
        using (var reader = new StreamReader(executable))
        {
            firstLine = reader.ReadLine() ?? string.Empty;
        }

        if (!firstLine.StartsWith("#!", StringComparison.Ordinal) || !firstLine.Contains("python", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{executable} is not a Python script");
        }

        return firstLine[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    // The environment the server replaces its own with for one call: this process's, with the overrides applied,
    // exactly what ProcessRunner would hand a child.
    private static JsonObject ChildEnvironment(IDictionary<string, string?>? overrides)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = value;
            }
        }

        var json = new JsonObject();
        foreach (var (name, value) in environment)
        {
            json[name] = value;
        }

        return json;
    }

    // Decoded as ProcessRunner's StreamReader decodes a child's output: UTF-8, invalid bytes replaced.
    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    private async Task<JsonNode?> ReadAnswerAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var line = await _process.StandardOutput.ReadLineAsync(cancellation.Token)
            ?? throw new InvalidOperationException($"the AWS CLI server exited with {(_process.WaitForExit(1000) ? _process.ExitCode : -1)}");
        return JsonNode.Parse(line);
    }
}
