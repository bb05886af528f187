using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.SupplyChain;

/// <summary>Where build/env/install-validators.sh put the independent checkers (npm schema validator, CycloneDX tool).</summary>
internal static class SupplyChainValidators
{
    public static string Directory
    {
        get
        {
            var cache = TestEnvironment.Optional("ECRPUB_CACHE")
                ?? Path.Combine(TestEnvironment.Optional("XDG_CACHE_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "ecrpublish");
            var directory = TestEnvironment.Optional("ECRPUB_VALIDATORS") ?? Path.Combine(cache, "validators");
            return System.IO.Directory.Exists(Path.Combine(directory, "npm", "node_modules", "ajv")) && File.Exists(CycloneDxToolIn(directory))
                ? directory
                : throw new InvalidOperationException($"The SBOM validators are not in '{directory}'. Run build/env/install-validators.sh (build/env/install.sh does).");
        }
    }

    public static string CycloneDxTool => CycloneDxToolIn(Directory);

    public static string SchemaScript => Path.Combine(AppContext.BaseDirectory, "SupplyChain", "validate-json-schema.cjs");

    private static string CycloneDxToolIn(string directory) => Path.Combine(directory, "dotnet-tools", "dotnet-CycloneDX");
}
