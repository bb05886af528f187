namespace EcrPublish.Http;

/// <summary>
/// <c>ECRPUBLISH_DEBUG=1</c> turns on the HTTP debug log of a publish (ECR API and registry traffic to stderr, secrets
/// removed). <c>dotnet ecr --debug publish</c> sets it for the build it starts, as the publish runs inside MSBuild.
/// </summary>
public static class HttpDebugSwitch
{
    public const string EnvironmentVariable = "ECRPUBLISH_DEBUG";

    /// <summary>stderr when the variable is <c>1</c> or <c>true</c>, else null (no log).</summary>
    public static TextWriter? LogFor(Func<string, string?> environment) =>
        environment(EnvironmentVariable)?.Trim() is { } value && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase))
            ? Console.Error
            : null;
}
