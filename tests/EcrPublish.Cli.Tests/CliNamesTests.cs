using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.ServiceModel;
using Xunit;

namespace EcrPublish.Cli.Tests;

public sealed class CliNamesTests
{
    [Theory]
    [InlineData("DescribeImages", "describe-images")]
    [InlineData("repositoryName", "repository-name")]
    [InlineData("GetLifecyclePolicyPreview", "get-lifecycle-policy-preview")]
    [InlineData("ImageScanComplete", "image-scan-complete")]
    [InlineData("BatchGetRepositoryScanningConfiguration", "batch-get-repository-scanning-configuration")]
    [InlineData("ecrRepositoryPrefix", "ecr-repository-prefix")]
    [InlineData("upstreamRegistryUrl", "upstream-registry-url")]
    [InlineData("imageIds", "image-ids")]
    [InlineData("ListPolicyARNs", "list-policy-arns")]
    [InlineData("KMSKey", "kms-key")]
    [InlineData("already-kebab", "already-kebab")]
    public void Model_names_become_aws_cli_names(string modelName, string cliName) =>
        Assert.Equal(cliName, CliNames.FromModelName(modelName));

    [Fact]
    public void Every_aws_ecr_command_of_the_cheat_sheet_exists_in_the_embedded_model()
    {
        var model = EcrServiceModel.Instance;
        string[] cheatSheetCommands =
        [
            "create-repository", "describe-repositories", "delete-repository", "get-authorization-token",
            "list-images", "describe-images", "batch-delete-image", "batch-get-image", "put-image-scanning-configuration",
            "start-image-scan", "describe-image-scan-findings", "put-registry-scanning-configuration",
            "get-registry-scanning-configuration", "put-lifecycle-policy", "get-lifecycle-policy",
            "get-lifecycle-policy-preview", "delete-lifecycle-policy", "set-repository-policy", "get-repository-policy",
            "delete-repository-policy", "put-replication-configuration", "describe-registry",
            "create-pull-through-cache-rule", "describe-pull-through-cache-rules", "delete-pull-through-cache-rule",
            "put-registry-policy", "get-registry-policy",
        ];

        Assert.All(cheatSheetCommands, command => Assert.True(model.Operations.ContainsKey(command), command));
        Assert.Contains("image-scan-complete", model.Waiters.Keys);
        Assert.Contains("lifecycle-policy-preview-complete", model.Waiters.Keys);
    }

    [Fact]
    public void Paginated_operations_get_the_aws_cli_paging_options_and_booleans_a_negative_form()
    {
        var model = EcrServiceModel.Instance;
        var describeImages = new OperationArgumentTable(model.Operations["describe-images"]);
        var deleteRepository = new OperationArgumentTable(model.Operations["delete-repository"]);

        Assert.NotNull(describeImages.Find("starting-token"));
        Assert.NotNull(describeImages.Find("page-size"));
        Assert.NotNull(describeImages.Find("max-items"));
        Assert.True(describeImages.Find("repository-name")!.Required);
        Assert.Contains("next-token", describeImages.HiddenPagingOptions);
        Assert.True(deleteRepository.Find("force")!.IsBoolean);
        Assert.Equal(OperationArgumentKind.NegatedMember, deleteRepository.Find("no-force")!.Kind);
    }
}
