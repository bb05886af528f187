using System.Net;
using System.Text.Json;
using EcrPublish.IntegrationTests.Cli;
using EcrPublish.IntegrationTests.Registry;
using EcrPublish.LocalEcr;
using EcrPublish.LocalEcr.Policies;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// <c>dotnet ecr iam-policy --project</c> against a real publish of the same project into LocalEcr, every request counted
/// by a proxy in front of it: each ECR API call (its X-Amz-Target) and registry request (by the AWS-documented action
/// behind it) is allowed by the printed policy, and the policy grants nothing the publish does not use. The policy passes
/// LocalEcr's IAM validation and moto's IAM CreatePolicy. A denied call fails the publish with ECR3120 naming the action.
/// </summary>
public sealed class IamPolicyPublishTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    private const string KmsKey = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private const string RepositoryPolicy = """
        { "Version": "2012-10-17", "Statement": [ { "Sid": "Pull", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": [ "ecr:BatchGetImage" ] } ] }
        """;

    [Fact]
    public async Task Every_action_the_publish_calls_is_in_the_printed_policy_and_the_policy_grants_no_other()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        await using var proxy = new RegistryProxy(localEcr.RegistryHost);
        var project = await ConsumerProject.CreateAsync(package, "e2eiampolicy", web: true);
        var policies = Directory.CreateDirectory(project.Directory + "-policies").FullName;
        await File.WriteAllTextAsync(Path.Combine(policies, "lifecycle.json"), CheatSheet.LifecyclePolicy);
        await File.WriteAllTextAsync(Path.Combine(policies, "repository-policy.json"), RepositoryPolicy);
        // Every setting that adds actions, in the project file, where both the publish and iam-policy read it.
        await project.AddToProjectFileAsync($"""
            <PropertyGroup>
              <EcrRepository>team/iam</EcrRepository>
              <EcrScan>Start</EcrScan>
              <EcrImageTagMutability>MUTABLE</EcrImageTagMutability>
              <EcrEncryptionType>KMS</EcrEncryptionType>
              <EcrKmsKey>{KmsKey}</EcrKmsKey>
              <EcrLifecyclePolicyFile>{Path.Combine(policies, "lifecycle.json")}</EcrLifecyclePolicyFile>
              <EcrRepositoryPolicyFile>{Path.Combine(policies, "repository-policy.json")}</EcrRepositoryPolicyFile>
            </PropertyGroup>
            <ItemGroup>
              <EcrRepositoryTag Include="Team" Value="Backend" />
            </ItemGroup>
            """);

        string[] where = ["-p:PublishToEcr=true", $"-p:EcrServiceUrl=http://{proxy.Address}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}"];

        // The first publish creates the repository and pushes everything; the second, of a changed app, finds layers and tags already there.
        var created = await project.PublishAsync(LocalEcrEnvironment.For(localEcr), where);
        await project.CommitCodeChangeAsync("changed");
        var published = await project.PublishAsync(LocalEcrEnvironment.For(localEcr), where);
        var printed = await ProcessRunner.RunAsync("dotnet",
            [CliParityRunner.DotnetEcrAssembly, "--region", localEcr.Options.Region, "iam-policy", "--project", project.Directory, "--registry-id", localEcr.Options.AccountId],
            DotnetEnvironment.Clean(package.PackagesDirectory), timeout: TimeSpan.FromMinutes(2));

        Assert.True(created.ExitCode == 0, created.Output);
        Assert.True(published.ExitCode == 0, published.Output);
        Assert.True(printed.ExitCode == 0, printed.Output);
        var called = proxy.Requests.Select(ActionOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.Contains("ecr:PutImage", called);
        Assert.Contains("ecr:BatchCheckLayerAvailability", called);
        Assert.Contains("ecr:StartImageScan", called);
        Assert.Contains("ecr:SetRepositoryPolicy", called);
        var granted = Grants(printed.StandardOutput);
        var repositoryArn = $"arn:aws:ecr:{localEcr.Options.Region}:{localEcr.Options.AccountId}:repository/team/iam";
        Assert.All(called, action => Assert.True(
            granted.Contains((action, repositoryArn)) || granted.Contains((action, "*")),
            $"the publish called {action}, which the printed policy does not allow on {repositoryArn}:\n{printed.StandardOutput}"));
        // Least privilege: what is granted and not seen here is authorized inside another call (tags on CreateRepository),
        // used only when the registry signs (LocalEcr has no signing configuration here), or used by ECR itself (the KMS key).
        Assert.Equal(
            ["ecr:DescribeImageSigningStatus", "ecr:TagResource", "kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey"],
            granted.Select(grant => grant.Action).Except(called).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(("kms:GenerateDataKey", KmsKey), granted);

        Assert.Null(IamPolicyValidator.Problem(printed.StandardOutput, PolicyKind.Identity));
        var policyFile = Path.Combine(policies, "iam-policy.json");
        await File.WriteAllTextAsync(policyFile, printed.StandardOutput);
        var accepted = await AwsCliRunner.RunAsync(TestEnvironment.AwsCliV2,
            ["--endpoint-url", TestEnvironment.MotoUrl, "iam", "create-policy", "--policy-name", "ecr-publish-" + Guid.NewGuid().ToString("N")[..8], "--policy-document", "file://" + policyFile],
            CliParityRunner.Environment());
        Assert.True(accepted.ExitCode == 0, accepted.Output);
    }

    [Fact]
    public async Task A_denied_call_fails_the_publish_with_ECR3120_naming_the_action()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        await using var proxy = new RegistryProxy(localEcr.RegistryHost);
        var project = await ConsumerProject.CreateAsync(package, "e2eiamdenied", web: true);
        var environment = LocalEcrEnvironment.For(localEcr);
        string[] where = ["-p:PublishToEcr=true", $"-p:EcrServiceUrl=http://{proxy.Address}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}", "-p:EcrSbom=false", "-p:EcrProvenance=false"];

        proxy.Decide = request => request.Header("x-amz-target")?.EndsWith(".CreateRepository", StringComparison.Ordinal) == true
            ? ProxyAction.Respond(HttpStatusCode.BadRequest, """{"__type":"AccessDeniedException","message":"User: arn:aws:sts::000000000000:assumed-role/ci/build is not authorized to perform: ecr:CreateRepository"}""",
                new Dictionary<string, string> { ["Content-Type"] = "application/x-amz-json-1.1" })
            : ProxyAction.Forward;
        var apiDenied = await project.PublishAsync(environment, [.. where, "-p:EcrRepository=team/denied-api"]);

        proxy.Decide = request => request.Method == "POST" && request.IsBlobUpload
            ? ProxyAction.Error(HttpStatusCode.Forbidden, "DENIED", "User: arn:aws:sts::000000000000:assumed-role/ci/build is not authorized to perform: ecr:InitiateLayerUpload")
            : ProxyAction.Forward;
        var registryDenied = await project.PublishAsync(environment, [.. where, "-p:EcrRepository=team/denied-push"]);

        Assert.NotEqual(0, apiDenied.ExitCode);
        Assert.Contains("ECR3120", apiDenied.Output, StringComparison.Ordinal);
        Assert.Contains("may not call CreateRepository: allow ecr:CreateRepository", apiDenied.Output, StringComparison.Ordinal);
        Assert.Contains("dotnet ecr iam-policy", apiDenied.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, registryDenied.ExitCode);
        Assert.Contains("ECR3120", registryDenied.Output, StringComparison.Ordinal);
        Assert.Contains("/v2/team/denied-push/blobs/uploads/", registryDenied.Output, StringComparison.Ordinal);
        Assert.Contains("allow ecr:InitiateLayerUpload on the repository", registryDenied.Output, StringComparison.Ordinal);
    }

    // The IAM action that authorizes a request, as AWS documents it (not taken from the product's table, which is what is checked):
    // an ECR API call is its X-Amz-Target's operation; a registry request is the ECR action behind it.
    private static string? ActionOf(ProxiedRequest request)
    {
        if (request.Header("x-amz-target") is { } target)
        {
            return "ecr:" + target[(target.LastIndexOf('.') + 1)..];
        }

        var path = request.PathAndQuery.Split('?')[0];
        if (!path.StartsWith("/v2/", StringComparison.Ordinal) || path == "/v2/")
        {
            return null; // STS GetCallerIdentity (no permission needed), LocalEcr's pre-signed layer URLs, the /v2/ ping
        }

        return path switch
        {
            _ when path.Contains("/blobs/uploads", StringComparison.Ordinal) => request.Method switch
            {
                "POST" => "ecr:InitiateLayerUpload",
                "PUT" => "ecr:CompleteLayerUpload",
                _ => "ecr:UploadLayerPart",
            },
            _ when path.Contains("/blobs/", StringComparison.Ordinal) => request.Method == "HEAD" ? "ecr:BatchCheckLayerAvailability" : "ecr:GetDownloadUrlForLayer",
            _ when path.Contains("/manifests/", StringComparison.Ordinal) => request.Method == "PUT" ? "ecr:PutImage" : "ecr:BatchGetImage",
            _ when path.Contains("/referrers/", StringComparison.Ordinal) => "ecr:BatchGetImage",
            _ when path.EndsWith("/tags/list", StringComparison.Ordinal) => "ecr:ListImages",
            _ => throw new InvalidOperationException($"The publish sent {request.Method} {request.PathAndQuery}, a registry request this test cannot map to an IAM action."),
        };
    }

    private static HashSet<(string Action, string Resource)> Grants(string policy)
    {
        using var document = JsonDocument.Parse(policy);
        var grants = new HashSet<(string, string)>();
        foreach (var statement in document.RootElement.GetProperty("Statement").EnumerateArray())
        {
            Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
            foreach (var action in statement.GetProperty("Action").EnumerateArray())
            {
                grants.Add((action.GetString()!, statement.GetProperty("Resource").GetString()!));
            }
        }

        return grants;
    }
}
