using Xunit;

namespace EcrPublish.IntegrationTests.Aws;

/// <summary>The xunit collection of tests that change process environment variables; they run alone, never beside tests that read them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentTests
{
    public const string Name = "Process environment";
}
