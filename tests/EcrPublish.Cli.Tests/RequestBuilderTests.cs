using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.ServiceModel;
using Xunit;

namespace EcrPublish.Cli.Tests;

/// <summary>Cheat-sheet command lines become the request bodies botocore would send.</summary>
public sealed class RequestBuilderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecr-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Create_repository_with_scanning_immutability_kms_and_tags()
    {
        var body = Build("create-repository",
            "--repository-name", "my-app/backend",
            "--image-scanning-configuration", "scanOnPush=true",
            "--image-tag-mutability", "IMMUTABLE",
            "--encryption-configuration", "encryptionType=KMS,kmsKey=alias/ecr-key",
            "--tags", "Key=Environment,Value=Production", "Key=Team,Value=Backend");

        Assert.Equal(
            """{"repositoryName":"my-app/backend","imageScanningConfiguration":{"scanOnPush":true},"imageTagMutability":"IMMUTABLE","encryptionConfiguration":{"encryptionType":"KMS","kmsKey":"alias/ecr-key"},"tags":[{"Key":"Environment","Value":"Production"},{"Key":"Team","Value":"Backend"}]}""",
            body);
    }

    [Fact]
    public void Image_ids_take_every_following_word_and_filters_take_shorthand()
    {
        Assert.Equal(
            """{"repositoryName":"r1","imageIds":[{"imageTag":"v1.0.0"},{"imageTag":"v1.0.1"},{"imageDigest":"sha256:abc"}]}""",
            Build("batch-delete-image", "--repository-name", "r1", "--image-ids", "imageTag=v1.0.0", "imageTag=v1.0.1", "imageDigest=sha256:abc"));
        Assert.Equal(
            """{"repositoryName":"r1","filter":{"tagStatus":"UNTAGGED"}}""",
            Build("describe-images", "--repository-name", "r1", "--filter", "tagStatus=UNTAGGED"));
    }

    [Fact]
    public void Json_values_file_uris_and_boolean_flags()
    {
        var policy = Path.Combine(_directory, "lifecycle-policy.json");
        const string PolicyText = """{"rules":[{"rulePriority":1,"description":"Expire untagged images older than 1 day","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":1},"action":{"type":"expire"}}]}""";
        File.WriteAllText(policy, PolicyText);

        Assert.Equal(
            """{"scanType":"ENHANCED","rules":[{"repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}],"scanFrequency":"SCAN_ON_PUSH"}]}""",
            Build("put-registry-scanning-configuration", "--scan-type", "ENHANCED",
                "--rules", """[{"repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}],"scanFrequency":"SCAN_ON_PUSH"}]"""));
        var body = System.Text.Json.Nodes.JsonNode.Parse(Build("put-lifecycle-policy", "--repository-name", "r1", "--lifecycle-policy-text", "file://" + policy))!;
        Assert.Equal(PolicyText, (string?)body["lifecyclePolicyText"]);
        Assert.Equal("""{"repositoryName":"r1","force":true}""", Build("delete-repository", "--repository-name", "r1", "--force"));
        Assert.Equal("""{"repositoryName":"r1","force":false}""", Build("delete-repository", "--repository-name", "r1", "--force", "--no-force"));
    }

    [Fact]
    public void Cli_input_json_is_the_base_and_options_override_it()
    {
        Assert.Equal(
            """{"repositoryName":"from-option","imageTagMutability":"MUTABLE"}""",
            Build("create-repository", "--cli-input-json", """{"repositoryName":"from-json","imageTagMutability":"MUTABLE"}""", "--repository-name", "from-option"));
    }

    [Fact]
    public void Missing_required_options_and_unknown_options_are_usage_errors()
    {
        var missing = Assert.Throws<CliUsageException>(() => Build("create-repository"));
        var unknown = Assert.Throws<CliUsageException>(() => Build("create-repository", "--repository-name", "r1", "--bogus", "1"));

        Assert.Equal("the following arguments are required: --repository-name", missing.Message);
        Assert.Equal("Unknown options: --bogus, 1", unknown.Message);
    }

    [Fact]
    public void Botocore_validation_reports_every_problem_in_its_order()
    {
        var error = Assert.Throws<ParameterValidationException>(() =>
            Build("create-repository", "--repository-name", "x", "--image-scanning-configuration", "scanOnPush=true,foo=1"));

        Assert.Equal(
            "Parameter validation failed:\nInvalid length for parameter repositoryName, value: 1, valid min length: 2\n" +
            "Unknown parameter in imageScanningConfiguration: \"foo\", must be one of: scanOnPush",
            error.Message);
    }

    [Fact]
    public void Malformed_shorthand_names_the_option()
    {
        var error = Assert.Throws<ParameterException>(() => Build("describe-images", "--repository-name", "r1", "--image-ids", "imageTag"));

        Assert.Equal("Error parsing parameter '--image-ids': Expected: '=', received: 'EOF' for input:\nimageTag\n        ^", error.Message);
    }

    private static string Build(string command, params string[] words)
    {
        var operation = EcrServiceModel.Instance.Operations[command];
        return RequestBuilder.Build(operation, new OperationArgumentTable(operation), words).Parameters.ToJsonString();
    }
}
