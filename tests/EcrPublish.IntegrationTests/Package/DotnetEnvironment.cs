using EcrPublish.Tagging;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// The environment for child 'dotnet' processes: without the test host's MSBuild variables (which would
/// point the child at the test's MSBuild) and without CI variables (so results do not depend on where
/// the tests run).
/// </summary>
internal static class DotnetEnvironment
{
    public static Dictionary<string, string?> Clean(string? packagesDirectory = null)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["MSBuildSDKsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
            ["MSBuildExtensionsPath"] = null,
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var name in CiEnvironmentDetector.ReadProcessEnvironment().Keys)
        {
            environment[name] = null;
        }

        if (packagesDirectory is not null)
        {
            environment["NUGET_PACKAGES"] = packagesDirectory;
        }

        return environment;
    }
}
