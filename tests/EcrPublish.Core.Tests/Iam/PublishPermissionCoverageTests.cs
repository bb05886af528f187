using System.Reflection;
using System.Text.RegularExpressions;
using EcrPublish.Aws;
using EcrPublish.Iam;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.Core.Tests.Iam;

/// <summary>
/// Every ECR API operation the publishing code calls has a row in <see cref="PublishPermissionTable"/>, also those a
/// publish into LocalEcr does not reach (the managed-signing poll, which needs a signing configuration): found by reading
/// src/EcrPublish.Publishing for calls of <see cref="EcrApiClient"/>'s methods.
/// </summary>
public sealed partial class PublishPermissionCoverageTests
{
    // Client methods that call an operation of another name.
    private static readonly Dictionary<string, string> OperationOfMethod = new(StringComparer.Ordinal)
    {
        ["GetRegistryCredentialsAsync"] = "GetAuthorizationToken",
        ["WaitForImageScanCompleteAsync"] = "DescribeImageScanFindings",
        ["DescribeAllImageScanFindingsAsync"] = "DescribeImageScanFindings",
    };

    [Fact]
    public void Every_ecr_operation_the_publish_calls_is_in_the_table()
    {
        var clientMethods = typeof(EcrApiClient).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(method => method.Name).Where(name => name.EndsWith("Async", StringComparison.Ordinal) && name != "InvokeAsync").ToHashSet(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(RepositoryRoot.Combine("src", "EcrPublish.Publishing"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var called = sources.SelectMany(path => MethodCall().Matches(File.ReadAllText(path)).Select(match => match.Groups["method"].Value))
            .Where(clientMethods.Contains)
            .Select(method => OperationOfMethod.GetValueOrDefault(method) ?? method[..^"Async".Length])
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("CreateRepository", called);
        Assert.Contains("DescribeImageSigningStatus", called);
        Assert.Empty(called.Where(operation => PublishPermissionTable.EcrActionOf(operation) != "ecr:" + operation).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"\.(?<method>[A-Z][A-Za-z]+Async)\(", RegexOptions.CultureInvariant)]
    private static partial Regex MethodCall();
}
