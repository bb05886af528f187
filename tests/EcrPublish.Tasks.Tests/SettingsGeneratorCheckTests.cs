using EcrPublish.Testing;

namespace EcrPublish.Tasks.Tests;

/// <summary>
/// The byte-for-byte half of the contract: <c>generate_settings.py --check</c> regenerates every file and region in
/// memory and fails on any difference, including wording and layout that <see cref="SettingsContractTests"/> does not compare.
/// </summary>
public sealed class SettingsGeneratorCheckTests
{
    [Fact]
    public async Task Every_generated_file_and_region_is_what_the_table_generates()
    {
        var table = SettingsTable.Load();
        var script = Path.Combine(table.Root, "src", "EcrPublish.Tasks", "Contract", "generate_settings.py");

        var result = await ProcessRunner.RunAsync("python3", [script, "--check"], workingDirectory: table.Root);

        Assert.True(result.ExitCode == 0, $"Stale generated files; run python3 {script}\n{result.Output}");
    }
}
