using System.Diagnostics;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;
using EcrPublish.Cli.Progress;
using EcrPublish.Http;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// <c>dotnet ecr publish [project] [dotnet publish options]</c>: runs <c>dotnet publish -p:PublishToEcr=true</c>
/// for people who do not want to remember properties, streaming the build's output as it happens. The global
/// <c>--region</c>, <c>--profile</c> and <c>--endpoint-url</c> become <c>EcrRegion</c>, <c>EcrProfile</c> and
/// <c>EcrServiceUrl</c>. Redirected, every line is passed through as it comes; on a terminal a live line shows the
/// build's latest step and only the lines that matter stay (<see cref="PublishLogLines"/>).
/// </summary>
internal sealed class PublishCommand(TextWriter output, TextWriter error, Func<string, string?> environment, ProgressMode progressMode, int terminalWidth)
{
    public const string Help =
        "NAME\n    publish\n\nDESCRIPTION\n" +
        "    Builds the project's container image and pushes it to Amazon ECR: runs\n" +
        "    'dotnet publish -p:PublishToEcr=true' with every other argument passed\n" +
        "    through, and shows the build's output live. --region, --profile and\n" +
        "    --endpoint-url set EcrRegion, EcrProfile and EcrServiceUrl; --debug logs\n" +
        "    the build's ECR and registry requests to stderr, secrets removed.\n\n" +
        "SYNOPSIS\n    publish [<project>] [dotnet publish options]\n\n" +
        "EXAMPLES\n    # Build, tag and push the image of the project in this folder\n" +
        "    dotnet ecr publish --region us-east-1\n\n" +
        "    # A Release build of one project, pushed with an extra tag\n" +
        "    dotnet ecr publish src/Api/Api.csproj -c Release -p:ContainerImageTags=v1.2.0\n";

    /// <summary>The arguments given to <c>dotnet</c>.</summary>
    public static IReadOnlyList<string> DotnetArguments(IReadOnlyList<string> words, GlobalOptions globals)
    {
        var arguments = new List<string> { "publish" };
        arguments.AddRange(words);
        arguments.Add("-p:PublishToEcr=true");
        if (globals.Region is not null)
        {
            arguments.Add("-p:EcrRegion=" + globals.Region);
        }

        if (globals.Profile is not null)
        {
            arguments.Add("-p:EcrProfile=" + globals.Profile);
        }

        if (globals.EndpointUrl is not null)
        {
            arguments.Add("-p:EcrServiceUrl=" + globals.EndpointUrl);
        }

        return arguments;
    }

    /// <summary>How <c>dotnet publish</c> is started: its arguments, and with <c>--debug</c> the variable that turns on the HTTP debug log.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyList<string> words, GlobalOptions globals, Func<string, string?> environment)
    {
        // Under the dotnet CLI, DOTNET_HOST_PATH names the running dotnet; otherwise use the one on PATH.
        var start = new ProcessStartInfo(environment("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in DotnetArguments(words, globals))
        {
            start.ArgumentList.Add(argument);
        }

        if (globals.Debug)
        {
            // The publish runs inside MSBuild, where no command line option reaches it: the variable does.
            start.Environment[HttpDebugSwitch.EnvironmentVariable] = "1";
        }

        return start;
    }

    public async Task<int> RunAsync(IReadOnlyList<string> words, GlobalOptions globals, CancellationToken cancellationToken)
    {
        var start = StartInfo(words, globals, environment);
        using var process = Process.Start(start) ?? throw new CliConfigurationException($"{CliErrorCodes.DotnetNotFound}: could not start '{start.FileName}'.");
        using var progress = progressMode == ProgressMode.Terminal ? ProgressDisplays.Create(progressMode, error, terminalWidth) : null;
        progress?.Status("dotnet " + string.Join(' ', start.ArgumentList));
        var stdout = progress is null ? PumpAsync(process.StandardOutput, output, cancellationToken) : ShowAsync(process.StandardOutput, progress, cancellationToken);
        var stderr = progress is null ? PumpAsync(process.StandardError, error, cancellationToken) : ShowAsync(process.StandardError, progress, cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        return process.ExitCode;
    }

    private static async Task ShowAsync(StreamReader reader, IProgressDisplay progress, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (PublishLogLines.IsLasting(line))
            {
                progress.Line(line);
            }
            else if (line.Trim().Length > 0)
            {
                progress.Status(line.Trim());
            }
        }
    }

    // Line by line, flushed at once, so the build's progress shows while it runs.
    private static async Task PumpAsync(StreamReader reader, TextWriter writer, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            await writer.WriteAsync(line + "\n").ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
