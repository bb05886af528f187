namespace EcrPublish.IntegrationTests.Cli;

/// <summary>Which AWS CLI the differential suite compares dotnet ecr with.</summary>
public enum AwsCliVersion
{
    /// <summary>The pip AWS CLI v1 (TestEnvironment.AwsCliV1): epoch timestamps, exit code 255 for every error.</summary>
    V1,

    /// <summary>Debian's AWS CLI v2 (TestEnvironment.AwsCliV2), whose output and exit codes dotnet ecr follows exactly.</summary>
    V2,
}
