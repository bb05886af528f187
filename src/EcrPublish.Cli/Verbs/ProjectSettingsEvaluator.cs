using System.Diagnostics;
using System.Text.Json;
using EcrPublish.Cli.Execution;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// Reads a project's publish settings the way MSBuild sees them: <c>dotnet msbuild PROJECT -getProperty:… -getItem:EcrRepositoryTag</c>
/// evaluates the project (its imports, Directory.Build.props, conditions) without building it, and prints JSON.
/// </summary>
internal static class ProjectSettingsEvaluator
{
    /// <summary>Evaluates <paramref name="project"/> (a project file, or a folder holding one) with the dotnet on PATH or in DOTNET_HOST_PATH.</summary>
    public static async Task<ProjectPublishSettings> EvaluateAsync(string project, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(environment("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("msbuild");
        start.ArgumentList.Add(project);
        start.ArgumentList.Add("-nologo");
        foreach (var name in ProjectPublishSettings.PropertyNames)
        {
            start.ArgumentList.Add("-getProperty:" + name);
        }

        foreach (var itemType in ProjectPublishSettings.ItemTypes)
        {
            start.ArgumentList.Add("-getItem:" + itemType);
        }

        using var process = Process.Start(start) ?? throw new CliConfigurationException($"{CliErrorCodes.DotnetNotFound}: could not start '{start.FileName}'.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var text = await output.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new CliConfigurationException($"{CliErrorCodes.IamPolicyProjectUnreadable}: 'dotnet msbuild {project} -getProperty:…' failed (exit code {process.ExitCode}): "
                + $"{(text + await errors.ConfigureAwait(false)).Trim()} Check the --project path, or give --repository instead.");
        }

        return Parse(text, project);
    }

    /// <summary>The settings in <c>dotnet msbuild -getProperty -getItem</c>'s JSON output.</summary>
    public static ProjectPublishSettings Parse(string json, string project)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            if (document.RootElement.TryGetProperty("Properties", out var values))
            {
                foreach (var property in values.EnumerateObject())
                {
                    properties[property.Name] = property.Value.GetString() ?? "";
                }
            }

            int Count(string itemType) =>
                document.RootElement.TryGetProperty("Items", out var items) && items.TryGetProperty(itemType, out var found) ? found.GetArrayLength() : 0;
            return new ProjectPublishSettings(properties, Count("EcrRepositoryTag"), Count("EcrImageTagMutabilityExclusionFilter"));
        }
        catch (JsonException e)
        {
            throw new CliConfigurationException($"{CliErrorCodes.IamPolicyProjectUnreadable}: 'dotnet msbuild {project} -getProperty:…' printed no JSON ({e.Message}). Use the .NET 8 SDK or later, or give --repository instead.");
        }
    }
}
