using System.Reflection;
using System.Runtime.InteropServices;

namespace EcrPublish.Cli.Help;

/// <summary>
/// What <c>dotnet ecr --version</c> prints, in the AWS CLI's shape (<c>aws-cli/2.x Python/3.x Linux/…</c>) so
/// scripts that parse one parse the other. The tool and the EcrPublish MSBuild package are built from one
/// checkout with one version (Directory.Build.props), so the line names both, and the commit they came from.
/// </summary>
internal static class VersionLine
{
    public static string For(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? informational : informational[..plus];
        var commit = plus < 0 ? null : informational[(plus + 1)..];
        var line = $"dotnet-ecr/{version} EcrPublish/{version}";
        if (commit is { Length: > 0 })
        {
            line += $" commit/{commit[..Math.Min(commit.Length, 12)]}";
        }

        return line + $" .NET/{Environment.Version} {OperatingSystemName()}/{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}\n";
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "Linux" : OperatingSystem.IsMacOS() ? "Darwin" : OperatingSystem.IsWindows() ? "Windows" : "Other";
}
