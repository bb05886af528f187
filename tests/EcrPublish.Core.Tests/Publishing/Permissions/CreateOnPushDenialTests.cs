using System.Net;
using EcrPublish.Aws.Model;
using EcrPublish.Publishing;
using EcrPublish.Publishing.Permissions;
using EcrPublish.Publishing.Stages;
using EcrPublish.Registry;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing.Permissions;

/// <summary>
/// EcrCreateRepository=Template: ECR creates the missing repository on the first upload and authorizes that as
/// ecr:CreateRepository, so a denied first upload there is ECR3120 naming it (and the template's needs), not ecr:InitiateLayerUpload.
/// </summary>
public sealed class CreateOnPushDenialTests
{
    private static readonly PushTarget Target = new("123456789012.dkr.ecr.eu-west-1.amazonaws.com", "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "team/api", ["v1"], RepositoryIsNew: true);

    private static RegistryException Denied(string method, string path) =>
        new(RegistryErrorCodes.Denied, "denied", HttpStatusCode.Forbidden, "DENIED") { RequestMethod = method, RequestPath = path };

    // What the pipeline surfaces: the stage's error, an access denial as ECR3120 (AccessDenial.Explain).
    private static async Task<Exception> SurfacedAsync(PushTarget target, Exception failure)
    {
        var stage = new CreateOnPushStage(new FailingPush(failure), EcrPublishPipelineTests.Request(), () => throw new InvalidOperationException("no policy to apply after a failed push"));
        var thrown = await Record.ExceptionAsync(() => stage.PushAsync(InMemoryPublishStagesOutput(), target, CancellationToken.None));
        return AccessDenial.Explain(thrown!) ?? thrown!;
    }

    [Fact]
    public async Task A_denied_first_upload_into_a_repository_the_template_creates_names_ecr_CreateRepository_and_the_templates_needs()
    {
        var template = new RepositoryCreationTemplate
        {
            Prefix = "team",
            ResourceTags = [new Tag { Key = "team", Value = "api" }],
            EncryptionConfiguration = new EncryptionConfigurationForRepositoryCreationTemplate { EncryptionType = "KMS", KmsKey = "arn:aws:kms:eu-west-1:123456789012:key/1234" },
        };

        var surfaced = Assert.IsType<EcrPublishException>(await SurfacedAsync(Target with { CreateOnPushTemplate = template }, Denied("POST", "/v2/team/api/blobs/uploads/")));

        Assert.Equal(PermissionErrorCodes.MissingPermission, surfaced.Code);
        Assert.Contains("Allow ecr:CreateRepository, ecr:TagResource", surfaced.Message, StringComparison.Ordinal);
        Assert.Contains("kms:CreateGrant and kms:DescribeKey on arn:aws:kms:eu-west-1:123456789012:key/1234", surfaced.Message, StringComparison.Ordinal);
        Assert.Contains("template 'team'", surfaced.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_without_tags_or_kms_needs_ecr_CreateRepository_only()
    {
        var surfaced = await SurfacedAsync(Target with { CreateOnPushTemplate = new RepositoryCreationTemplate { Prefix = "ROOT" } }, Denied("POST", "/v2/team/api/blobs/uploads/"));

        Assert.Contains("Allow ecr:CreateRepository on the repository, besides ecr:InitiateLayerUpload.", surfaced.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_denials_and_repositories_that_exist_keep_the_action_of_their_request()
    {
        var template = new RepositoryCreationTemplate { Prefix = "team" };

        var manifest = await SurfacedAsync(Target with { CreateOnPushTemplate = template }, Denied("PUT", "/v2/team/api/manifests/v1"));
        var existing = await SurfacedAsync(Target, Denied("POST", "/v2/team/api/blobs/uploads/"));

        Assert.Contains("allow ecr:PutImage on the repository", manifest.Message, StringComparison.Ordinal);
        Assert.Contains("allow ecr:InitiateLayerUpload on the repository", existing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ecr:CreateRepository", existing.Message, StringComparison.Ordinal);
    }

    private static ImageBuildOutput InMemoryPublishStagesOutput() => new InMemoryPublishStages().Built;

    private sealed class FailingPush(Exception failure) : IPushStage
    {
        public Task<PushedImage> PushAsync(ImageBuildOutput image, PushTarget target, CancellationToken cancellationToken) => Task.FromException<PushedImage>(failure);
    }
}
