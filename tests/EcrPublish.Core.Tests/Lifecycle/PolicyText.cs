using Xunit;
using EcrPublish.Lifecycle;

namespace EcrPublish.Core.Tests.Lifecycle;

/// <summary>Builds lifecycle policy texts for tests from JSON fragments.</summary>
internal static class PolicyText
{
    public const string Expire = """{"type":"expire"}""";
    public const string TransitionToArchive = """{"type":"transition","targetStorageClass":"archive"}""";

    public static string Rule(int priority, string selection, string action = Expire) =>
        $$"""{"rulePriority":{{priority}},"description":"rule {{priority}} of a test policy","selection":{{selection}},"action":{{action}}}""";

    public static string Policy(params string[] rules) => $$"""{"rules":[{{string.Join(",", rules)}}]}""";

    /// <summary>Validates <paramref name="text"/> and returns the policy, failing the test with every error otherwise.</summary>
    public static LifecyclePolicy ValidPolicy(string text)
    {
        var result = LifecyclePolicyValidator.Validate(text);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Policy!;
    }
}
