using System.Net;
using EcrPublish.Aws;
using EcrPublish.Publishing;
using EcrPublish.Publishing.Permissions;
using EcrPublish.Registry;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing.Permissions;

/// <summary>An access denial names the IAM action of the operation that failed and points to dotnet ecr iam-policy; the pipeline surfaces it as ECR3120.</summary>
public sealed class AccessDenialTests
{
    [Fact]
    public void An_ecr_api_denial_names_the_action_of_its_operation()
    {
        var denied = new EcrServiceException(EcrServiceErrorCodes.AccessDenied, "User: arn:aws:sts::123456789012:assumed-role/ci is not authorized", HttpStatusCode.BadRequest, "req-1", "PutLifecyclePolicy");

        var explained = AccessDenial.Explain(denied);

        Assert.Equal(PermissionErrorCodes.MissingPermission, explained?.Code);
        Assert.Contains("allow ecr:PutLifecyclePolicy on the repository", explained!.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet ecr iam-policy", explained.Message, StringComparison.Ordinal);
        Assert.Contains("is not authorized", explained.Message, StringComparison.Ordinal);
        Assert.Same(denied, explained.InnerException);
    }

    [Fact]
    public void The_token_is_granted_on_every_resource()
    {
        var denied = new EcrServiceException(EcrServiceErrorCodes.AccessDenied, "not authorized", HttpStatusCode.BadRequest, null, "GetAuthorizationToken");

        Assert.Contains("allow ecr:GetAuthorizationToken on \"*\"", AccessDenial.Explain(denied)!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/v2/team/api/blobs/uploads/", "ecr:InitiateLayerUpload")]
    [InlineData("PUT", "/v2/team/api/manifests/latest", "ecr:PutImage")]
    [InlineData("HEAD", "/v2/team/api/blobs/sha256:abc", "ecr:BatchCheckLayerAvailability")]
    public void A_registry_denial_names_the_action_of_its_request(string method, string path, string action)
    {
        var denied = new RegistryException(RegistryErrorCodes.Denied, "denied", HttpStatusCode.Forbidden, "DENIED") { RequestMethod = method, RequestPath = path };

        var explained = AccessDenial.Explain(denied);

        Assert.Equal(PermissionErrorCodes.MissingPermission, explained?.Code);
        Assert.Contains($"{method} {path}", explained!.Message, StringComparison.Ordinal);
        Assert.Contains($"allow {action} on the repository", explained.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_errors_are_not_denials()
    {
        Assert.Null(AccessDenial.Explain(new EcrServiceException(EcrServiceErrorCodes.RepositoryNotFound, "no", HttpStatusCode.BadRequest, null, "DescribeRepositories")));
        Assert.Null(AccessDenial.Explain(new RegistryException(RegistryErrorCodes.Unauthorized, "401")));
        Assert.Null(AccessDenial.Explain(new IOException("disk")));
    }

    [Fact]
    public async Task The_pipeline_surfaces_a_denied_stage_as_ECR3120()
    {
        var stages = new InMemoryPublishStages();
        stages.Failures[InMemoryPublishStages.Provisioning] = new EcrServiceException(EcrServiceErrorCodes.AccessDenied, "not authorized", HttpStatusCode.BadRequest, null, "CreateRepository");

        var failure = await Assert.ThrowsAsync<EcrPublishException>(() => new EcrPublishPipeline(stages).PublishAsync(EcrPublishPipelineTests.Request(), new RecordingPublishLog(), CancellationToken.None));

        Assert.Equal(PermissionErrorCodes.MissingPermission, failure.Code);
        Assert.Contains("allow ecr:CreateRepository", failure.Message, StringComparison.Ordinal);
    }
}
