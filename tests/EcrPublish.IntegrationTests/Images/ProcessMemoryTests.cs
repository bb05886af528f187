using Xunit;

namespace EcrPublish.IntegrationTests.Images;

/// <summary>The xunit collection of tests that measure the process's peak memory; they run alone, so no other test's allocations count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryTests
{
    public const string Name = "Process memory";
}
