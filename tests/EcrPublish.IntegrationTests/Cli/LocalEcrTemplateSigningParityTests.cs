using EcrPublish.LocalEcr;
using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>
/// dotnet ecr and the AWS CLI v1 (the installed v2 predates these operations; moto has none of them) print the same
/// for LocalEcr's repository creation templates, pull-time update exclusions and managed signing, errors included.
/// </summary>
public sealed class LocalEcrTemplateSigningParityTests : IAsyncLifetime
{
    // Signing completes at once, so both sides' statuses read COMPLETE however long each CLI takes.
    private LocalEcrServer server = null!;
    private CliParityRunner run = null!;

    public async Task InitializeAsync()
    {
        server = await LocalEcrServer.StartAsync(new LocalEcrOptions { AccessKeyId = "testing", SecretAccessKey = "testing", SigningDuration = TimeSpan.Zero });
        run = new CliParityRunner("local", server.Endpoint.GetLeftPart(UriPartial.Authority), AwsCliVersion.V1);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Repository_creation_template_commands_match_the_aws_cli()
    {
        await run.AssertSameAsync("create-repository-creation-template", "--prefix", "REPO", "--description", "Team repositories",
            "--applied-for", "CREATE_ON_PUSH", "REPLICATION", "--image-tag-mutability", "IMMUTABLE_WITH_EXCLUSION",
            "--image-tag-mutability-exclusion-filters", "filterType=WILDCARD,filter=latest", "--resource-tags", "Key=team,Value=core",
            "--encryption-configuration", "encryptionType=KMS", "--custom-role-arn", "arn:aws:iam::123456789012:role/ecr-templates");
        await run.AssertSameAsync("describe-repository-creation-templates", "--prefixes", "REPO");
        await run.AssertSameAsync("describe-repository-creation-templates", "--prefixes", "REPO", "--output", "text");
        await run.AssertSameAsync("describe-repository-creation-templates", "--prefixes", "REPO", "--output", "table");
        await run.AssertSameAsync("create-repository-creation-template", "--prefix", "REPO", "--applied-for", "REPLICATION");
        await run.AssertSameAsync("update-repository-creation-template", "--prefix", "REPO", "--image-tag-mutability", "MUTABLE", "--lifecycle-policy",
            """{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"imageCountMoreThan","countNumber":5},"action":{"type":"expire"}}]}""");
        await run.AssertSameAsync("update-repository-creation-template", "--prefix", "REPO", "--custom-role-arn", "arn:aws:iam::999999999999:role/elsewhere");
        await run.AssertSameAsync("delete-repository-creation-template", "--prefix", "REPO");
        await run.AssertSameAsync("delete-repository-creation-template", "--prefix", "REPO");
        await run.AssertSameAsync("update-repository-creation-template", "--prefix", "REPO", "--description", "gone");
    }

    [Fact]
    public async Task Pull_time_update_exclusion_commands_match_the_aws_cli()
    {
        await run.AssertSameAsync("register-pull-time-update-exclusion", "--principal-arn", "arn:aws:iam::123456789012:role/REPO");
        await run.AssertSameAsync("register-pull-time-update-exclusion", "--principal-arn", "arn:aws:iam::123456789012:role/REPO");
        await run.AssertSameAsync("register-pull-time-update-exclusion", "--principal-arn", "arn:aws:iam::123456789012:group/REPO");
        await run.AssertSameAsync("list-pull-time-update-exclusions");
        await run.AssertSameAsync("list-pull-time-update-exclusions", "--output", "text");
        await run.AssertSameAsync("deregister-pull-time-update-exclusion", "--principal-arn", "arn:aws:iam::123456789012:role/REPO");
        await run.AssertSameAsync("deregister-pull-time-update-exclusion", "--principal-arn", "arn:aws:iam::123456789012:role/REPO");
        await run.AssertSameAsync("list-pull-time-update-exclusions");
    }

    [Fact]
    public async Task Managed_signing_commands_match_the_aws_cli()
    {
        const string Configuration = """{"rules":[{"signingProfileArn":"arn:aws:signer:us-east-1:123456789012:/signing-profiles/ecr_signing","repositoryFilters":[{"filter":"cli-local-*","filterType":"WILDCARD_MATCH"}]}]}""";
        await run.AssertSameAsync("get-signing-configuration");
        await run.AssertSameAsync("put-signing-configuration", "--signing-configuration", Configuration);
        await run.AssertSameAsync("put-signing-configuration", "--signing-configuration", """{"rules":[{"signingProfileArn":"arn:aws:signer:us-east-1:123456789012:signing-profiles/x"}]}""");
        await run.AssertSameAsync("get-signing-configuration");
        await run.AssertSameAsync("get-signing-configuration", "--output", "table");

        await run.AssertSameAsync("create-repository", "--repository-name", "REPO");
        await run.AssertSameAsync("put-image", "--repository-name", "REPO", "--image-tag", "v1", "--image-manifest",
            """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}""");
        await run.AssertSameAsync("describe-image-signing-status", "--repository-name", "REPO", "--image-id", "imageTag=v1");
        await run.AssertSameAsync("describe-image-signing-status", "--repository-name", "REPO", "--image-id", "imageTag=v1", "--output", "text");
        await run.AssertSameAsync("describe-image-signing-status", "--repository-name", "REPO", "--image-id", "imageTag=absent");

        await run.AssertSameAsync(() => CliParityRunner.DotnetEcrAtAsync(server.Endpoint.GetLeftPart(UriPartial.Authority), ["put-signing-configuration", "--signing-configuration", Configuration]),
            "delete-signing-configuration");
        await run.AssertSameAsync("delete-signing-configuration");
    }
}
