using EcrPublish.Tagging;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// The environment for child 'dotnet' processes: without the test host's MSBuild variables (which would
/// point the child at the test's MSBuild) and without CI variables (so results do not depend on where
/// the tests run). Publishes attach no SBOM and no provenance (EcrSbom and EcrProvenance false, which MSBuild
/// reads from the environment): an SBOM reads the base image's layers, seconds a publish that does not look at it
/// need not spend. A test of the supply chain turns them on with -p:EcrSbom=true -p:EcrProvenance=true, which win.
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
            ["EcrSbom"] = "false",
            ["EcrProvenance"] = "false",
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
