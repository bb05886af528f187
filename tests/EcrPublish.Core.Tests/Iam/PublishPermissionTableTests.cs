using EcrPublish.Iam;
using Xunit;

namespace EcrPublish.Core.Tests.Iam;

/// <summary>The table's conditions: the defaults need push, create, scan and managed-signing reads; each setting adds exactly its actions.</summary>
public sealed class PublishPermissionTableTests
{
    private static readonly string[] Push =
    [
        "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload", "ecr:DescribeRepositories",
        "ecr:GetAuthorizationToken", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart",
    ];

    private static SortedSet<string> Actions(PublishPermissionSettings settings) =>
        new(PublishPermissionTable.For(settings).Select(row => row.Action), StringComparer.Ordinal);

    [Fact]
    public void The_defaults_push_create_wait_for_the_scan_and_for_managed_signing()
    {
        Assert.Equal(
            Push.Concat(["ecr:CreateRepository", "ecr:DescribeImageScanFindings", "ecr:DescribeImageSigningStatus", "ecr:GetSigningConfiguration"]).Order(StringComparer.Ordinal),
            Actions(new PublishPermissionSettings()));
    }

    [Fact]
    public void With_everything_optional_off_only_the_push_remains()
    {
        var settings = new PublishPermissionSettings { CreateRepository = false, ReadsScanFindings = false, WaitsForManagedSigning = false };

        Assert.Equal(Push.Order(StringComparer.Ordinal), Actions(settings));
    }

    public static TheoryData<string, string[]> SettingAndActions => new()
    {
        { "tags", ["ecr:TagResource"] },
        { "lifecycle", ["ecr:GetLifecyclePolicy", "ecr:PutLifecyclePolicy"] },
        { "policy", ["ecr:GetRepositoryPolicy", "ecr:SetRepositoryPolicy"] },
        { "start-scan", ["ecr:StartImageScan"] },
        { "sign", ["ecr:GetDownloadUrlForLayer"] },
        { "kms", ["kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey"] },
        { "base-image", ["ecr:GetDownloadUrlForLayer"] },
    };

    [Theory]
    [MemberData(nameof(SettingAndActions))]
    public void Each_setting_adds_exactly_its_actions(string setting, string[] added)
    {
        var plain = new PublishPermissionSettings();
        var changed = setting switch
        {
            "tags" => plain with { TagsRepository = true },
            "lifecycle" => plain with { SyncsLifecyclePolicy = true },
            "policy" => plain with { SyncsRepositoryPolicy = true },
            "start-scan" => plain with { StartsScan = true },
            "sign" => plain with { Signs = true },
            "kms" => plain with { KmsEncryption = true },
            _ => plain with { BaseImage = new EcrRepositoryLocation("210987654321", "us-east-1", "dotnet/aspnet") },
        };

        Assert.Equal(added, Actions(changed).Except(Actions(plain)));
    }

    [Fact]
    public void Creation_rights_follow_creation()
    {
        var settings = new PublishPermissionSettings { CreateRepository = false, TagsRepository = true, KmsEncryption = true };

        Assert.DoesNotContain("ecr:TagResource", Actions(settings));
        Assert.DoesNotContain("kms:CreateGrant", Actions(settings));
        Assert.Contains("kms:GenerateDataKey", Actions(settings));
    }

    [Theory]
    [InlineData("PutLifecyclePolicy", "ecr:PutLifecyclePolicy")]
    [InlineData("GetAuthorizationToken", "ecr:GetAuthorizationToken")]
    [InlineData(RegistryOperation.StartUpload, "ecr:InitiateLayerUpload")]
    [InlineData(RegistryOperation.PutManifest, "ecr:PutImage")]
    [InlineData(RegistryOperation.ReadManifest, "ecr:BatchGetImage")]
    [InlineData(RegistryOperation.ReadBlob, "ecr:GetDownloadUrlForLayer")]
    [InlineData("DeleteRepository", null)]
    public void Each_operation_names_its_ecr_action(string operation, string? action) =>
        Assert.Equal(action, PublishPermissionTable.EcrActionOf(operation));

    [Theory]
    [InlineData("HEAD", "/v2/team/api/blobs/sha256:abc", RegistryOperation.CheckBlob)]
    [InlineData("GET", "/v2/team/api/blobs/sha256:abc", RegistryOperation.ReadBlob)]
    [InlineData("POST", "/v2/team/api/blobs/uploads/", RegistryOperation.StartUpload)]
    [InlineData("POST", "/v2/team/api/blobs/uploads/?mount=sha256:abc&from=base", RegistryOperation.StartUpload)]
    [InlineData("PATCH", "/v2/team/api/blobs/uploads/0f1e", RegistryOperation.UploadPart)]
    [InlineData("PUT", "/v2/team/api/blobs/uploads/0f1e?digest=sha256:abc", RegistryOperation.CompleteUpload)]
    [InlineData("HEAD", "/v2/team/api/manifests/v1.0.0", RegistryOperation.ReadManifest)]
    [InlineData("GET", "/v2/api/manifests/sha256:abc", RegistryOperation.ReadManifest)]
    [InlineData("PUT", "/v2/api/manifests/latest", RegistryOperation.PutManifest)]
    [InlineData("GET", "/v2/api/referrers/sha256:abc?artifactType=x", RegistryOperation.ListReferrers)]
    [InlineData("GET", "/v2/api/tags/list", RegistryOperation.ListTags)]
    [InlineData("GET", "/v2/", null)]
    [InlineData("DELETE", "/v2/api/manifests/latest", null)]
    public void Registry_requests_are_classified_by_method_and_path(string method, string path, string? operation) =>
        Assert.Equal(operation, RegistryOperation.Classify(method, path));
}
