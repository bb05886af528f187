using System.Text.Json.Nodes;
using EcrPublish.Iam;
using Xunit;

namespace EcrPublish.Core.Tests.Iam;

/// <summary>The printed policy: scoped to the repository's ARN (the token on "*"), stable, with the KMS key and base image on their own resources.</summary>
public sealed class PublishPolicyDocumentTests
{
    private static readonly EcrRepositoryLocation Repository = new("123456789012", "eu-west-1", "team/api");

    private static JsonObject Statement(JsonObject policy, string sid) =>
        policy["Statement"]!.AsArray().Select(node => node!.AsObject()).Single(statement => (string?)statement["Sid"] == sid);

    private static string[] ActionsOf(JsonObject statement) => [.. statement["Action"]!.AsArray().Select(node => (string)node!)];

    [Fact]
    public void The_token_is_granted_on_every_resource_and_the_rest_on_the_repository_arn()
    {
        var policy = PublishPolicyDocument.Create(new PublishPermissionSettings(), Repository);

        Assert.Equal("2012-10-17", (string?)policy["Version"]);
        Assert.Equal("*", (string?)Statement(policy, "Registry")["Resource"]);
        Assert.Contains("ecr:GetAuthorizationToken", ActionsOf(Statement(policy, "Registry")));
        Assert.Equal("arn:aws:ecr:eu-west-1:123456789012:repository/team/api", (string?)Statement(policy, "Repository")["Resource"]);
        Assert.DoesNotContain("ecr:GetAuthorizationToken", ActionsOf(Statement(policy, "Repository")));
        Assert.Equal(2, policy["Statement"]!.AsArray().Count);
    }

    [Fact]
    public void The_same_settings_print_the_same_sorted_document()
    {
        var settings = new PublishPermissionSettings { TagsRepository = true, SyncsLifecyclePolicy = true, KmsEncryption = true, StartsScan = true };

        var first = PublishPolicyDocument.Write(settings, Repository);

        Assert.Equal(first, PublishPolicyDocument.Write(settings with { }, Repository));
        var actions = ActionsOf(Statement(JsonNode.Parse(first)!.AsObject(), "Repository"));
        Assert.Equal(actions.Order(StringComparer.Ordinal), actions);
    }

    [Fact]
    public void Other_partitions_use_their_arn_prefix()
    {
        var policy = PublishPolicyDocument.Create(new PublishPermissionSettings(), new EcrRepositoryLocation("123456789012", "cn-north-1", "api"));

        Assert.Equal("arn:aws-cn:ecr:cn-north-1:123456789012:repository/api", (string?)Statement(policy, "Repository")["Resource"]);
    }

    [Theory]
    [InlineData(null, "arn:aws:kms:eu-west-1:123456789012:key/*", "alias/aws/ecr")]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", null)]
    [InlineData("arn:aws:kms:eu-west-1:111122223333:key/k1", "arn:aws:kms:eu-west-1:111122223333:key/k1", null)]
    [InlineData("alias/images", "arn:aws:kms:eu-west-1:123456789012:key/*", "alias/images")]
    [InlineData("arn:aws:kms:eu-west-1:111122223333:alias/images", "arn:aws:kms:eu-west-1:111122223333:key/*", "alias/images")]
    public void The_kms_key_is_granted_through_ecr_only(string? kmsKey, string resource, string? alias)
    {
        var policy = PublishPolicyDocument.Create(new PublishPermissionSettings { KmsEncryption = true, KmsKey = kmsKey }, Repository);

        var statement = Statement(policy, "RepositoryKey");
        Assert.Equal(resource, (string?)statement["Resource"]);
        Assert.Equal(["kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey"], ActionsOf(statement));
        Assert.Equal("ecr.eu-west-1.amazonaws.com", (string?)statement["Condition"]!["StringEquals"]!["kms:ViaService"]);
        Assert.Equal(alias, (string?)statement["Condition"]!["ForAnyValue:StringEquals"]?["kms:ResourceAliases"]);
    }

    [Theory]
    [InlineData("arn:aws:kms:us-east-1:111122223333:key/k1", "arn:aws:kms:us-east-1:111122223333:key/k1", null)]
    [InlineData("alias/release-signing", "arn:aws:kms:eu-west-1:123456789012:key/*", "alias/release-signing")]
    public void A_kms_signing_key_is_granted_sign_and_its_checks_on_that_key_alone(string keyId, string resource, string? alias)
    {
        var policy = PublishPolicyDocument.Create(new PublishPermissionSettings { Signs = true, SigningKmsKey = keyId }, Repository);

        var statement = Statement(policy, "SigningKey");
        Assert.Equal(resource, (string?)statement["Resource"]);
        Assert.Equal(["kms:DescribeKey", "kms:GetPublicKey", "kms:Sign"], ActionsOf(statement));
        // The publish calls KMS itself, so no kms:ViaService condition.
        Assert.Null(statement["Condition"]?["StringEquals"]);
        Assert.Equal(alias, (string?)statement["Condition"]?["ForAnyValue:StringEquals"]?["kms:ResourceAliases"]);
        Assert.DoesNotContain(policy["Statement"]!.AsArray(), node => (string?)node!["Sid"] == "RepositoryKey");
    }

    [Fact]
    public void A_creation_template_needs_the_template_listing_and_the_right_to_create_on_push_but_no_create_call()
    {
        var policy = PublishPolicyDocument.Create(new PublishPermissionSettings { CreateRepository = false, CreatesOnPush = true }, Repository);

        Assert.Contains("ecr:DescribeRepositoryCreationTemplates", ActionsOf(Statement(policy, "Registry")));
        Assert.Contains("ecr:CreateRepository", ActionsOf(Statement(policy, "Repository")));
        Assert.Equal("ecr:InitiateLayerUpload", PublishPermissionTable.EcrActionOf(RegistryOperation.StartUpload));
    }

    [Fact]
    public void Exclusion_filters_need_the_right_to_put_the_tag_mutability()
    {
        var policy = PublishPolicyDocument.Create(new PublishPermissionSettings { SyncsTagMutabilityExclusions = true }, Repository);

        Assert.Contains("ecr:PutImageTagMutability", ActionsOf(Statement(policy, "Repository")));
        Assert.DoesNotContain("ecr:PutImageTagMutability", ActionsOf(Statement(PublishPolicyDocument.Create(new PublishPermissionSettings(), Repository), "Repository")));
    }

    [Fact]
    public void A_pem_signing_key_needs_no_kms_rights()
    {
        var policy = PublishPolicyDocument.Create(new PublishPermissionSettings { Signs = true }, Repository);

        Assert.DoesNotContain(policy["Statement"]!.AsArray(), node => ((string?)node!["Sid"])!.EndsWith("Key", StringComparison.Ordinal));
        Assert.Contains("ecr:GetDownloadUrlForLayer", ActionsOf(Statement(policy, "Repository")));
    }

    [Fact]
    public void A_base_image_in_ecr_gets_read_rights_on_its_own_repository()
    {
        var settings = new PublishPermissionSettings { BaseImage = new EcrRepositoryLocation("210987654321", "us-east-1", "dotnet/aspnet") };

        var statement = Statement(PublishPolicyDocument.Create(settings, Repository), "BaseImage");

        Assert.Equal("arn:aws:ecr:us-east-1:210987654321:repository/dotnet/aspnet", (string?)statement["Resource"]);
        Assert.Equal(["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], ActionsOf(statement));
    }

    [Fact]
    public void A_base_image_in_the_same_repository_needs_no_statement_of_its_own()
    {
        var policy = PublishPolicyDocument.Create(new PublishPermissionSettings { BaseImage = Repository }, Repository);

        Assert.Equal(["Registry", "Repository"], policy["Statement"]!.AsArray().Select(node => (string?)node!["Sid"]));
        Assert.Contains("ecr:GetDownloadUrlForLayer", ActionsOf(Statement(policy, "Repository")));
    }
}
