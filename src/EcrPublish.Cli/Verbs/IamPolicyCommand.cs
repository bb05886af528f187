using EcrPublish.Aws;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;
using EcrPublish.EcrRules;
using EcrPublish.Iam;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// <c>dotnet ecr iam-policy [--project P] [--repository R] [--registry-id ACCOUNT]</c>: prints the IAM identity policy a
/// publish with the project's settings needs, from <see cref="PublishPermissionTable"/>, scoped to the repository's ARN.
/// The account and region come from the options, then the project, then the AWS configuration (STS GetCallerIdentity).
/// </summary>
/// <param name="globals">The global options: <c>--region</c>, <c>--profile</c>, <c>--endpoint-url</c>.</param>
/// <param name="output">Where the policy goes.</param>
/// <param name="environment">The process environment (DOTNET_HOST_PATH, AWS configuration).</param>
internal sealed class IamPolicyCommand(GlobalOptions globals, TextWriter output, Func<string, string?> environment)
{
    private static readonly HashSet<string> s_valued = ["--project", "--repository", "--registry-id"];

    public const string Help =
        "NAME\n    iam-policy\n\nDESCRIPTION\n" +
        "    Prints the IAM policy (JSON) that 'dotnet publish -p:PublishToEcr=true' needs\n" +
        "    with the project's settings: push, repository creation and tags, lifecycle\n" +
        "    and repository policies, scans, ECR managed signing and the KMS key, scoped\n" +
        "    to the repository's ARN (ecr:GetAuthorizationToken needs \"*\"). --project\n" +
        "    evaluates the project with 'dotnet msbuild -getProperty'; without it the\n" +
        "    publish's defaults apply. The account and region come from --registry-id and\n" +
        "    --region, else the project (EcrRegistryId, EcrRegion, ContainerRegistry),\n" +
        "    else the AWS configuration.\n\n" +
        "SYNOPSIS\n    iam-policy\n    [--project <project file or folder>]\n    [--repository <value>]\n    [--registry-id <value>]\n\n" +
        "EXAMPLES\n    # The policy for the CI role that publishes this folder's project\n" +
        "    dotnet ecr iam-policy --project . --region eu-west-1 --registry-id 123456789012\n";

    public async Task<int> RunAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var options = VerbOptions.Parse(words, s_valued, new HashSet<string>());
        var project = options.Value("--project") is { } path
            ? await ProjectSettingsEvaluator.EvaluateAsync(path, environment, cancellationToken).ConfigureAwait(false)
            : ProjectPublishSettings.None;
        var settings = PermissionSettingsReader.Read(project);
        var name = RepositoryName(options.Value("--repository"), project);
        var containerRegistry = project.Value("ContainerRegistry") is { } host ? EcrRegistryHostName.Parse(host) : null;
        var (account, region) = await AccountAndRegionAsync(
            options.Value("--registry-id") ?? project.Value("EcrRegistryId") ?? containerRegistry?.RegistryId,
            globals.Region ?? project.Value("EcrRegion") ?? containerRegistry?.Region,
            cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(PublishPolicyDocument.Write(settings, new EcrRepositoryLocation(account, region, name)) + "\n").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static string RepositoryName(string? option, ProjectPublishSettings project)
    {
        // As the publish picks it: EcrRepository, else ContainerRepository, else the project name in lower case.
        var name = option ?? project.Value("EcrRepository") ?? project.Value("ContainerRepository") ?? project.Value("MSBuildProjectName")?.ToLowerInvariant()
            ?? throw new CliUsageException($"{CliErrorCodes.IamPolicyNoRepository}: say which repository the policy is for: --repository <name>, or --project <project> to read it from the project.");
        return EcrRepositoryName.IsValid(name)
            ? name
            : throw new CliUsageException($"{CliErrorCodes.IamPolicyNoRepository}: '{name}' is not a valid ECR repository name. Pass --repository with the name the publish uses (EcrRepository).");
    }

    private async Task<(string Account, string Region)> AccountAndRegionAsync(string? account, string? region, CancellationToken cancellationToken)
    {
        if (account is not null && !EcrRegistryId.IsValid(account))
        {
            throw new CliUsageException($"{CliErrorCodes.IamPolicyNoAccountOrRegion}: the registry id '{account}' is not a 12-digit AWS account id.");
        }

        if (region is not null && !EcrRegion.IsValid(region))
        {
            throw new CliUsageException($"{CliErrorCodes.IamPolicyNoAccountOrRegion}: the region '{region}' is not an AWS region code such as eu-west-1.");
        }

        if (account is not null && region is not null)
        {
            return (account, region);
        }

        // Only what is missing is asked of the AWS configuration: the region from the profile or environment, the account from STS.
        try
        {
            using var client = new EcrApiClient(new EcrClientOptions
            {
                Region = region,
                Profile = globals.Profile,
                ServiceUrl = globals.EndpointUrl is { } url ? EcrApiClientInvoker.EndpointUri(url) : null,
            });
            return (account ?? await client.ResolveAccountIdAsync(null, cancellationToken).ConfigureAwait(false), client.Region);
        }
        catch (EcrClientException e)
        {
            throw new CliConfigurationException($"{CliErrorCodes.IamPolicyNoAccountOrRegion}: the {(account is null ? "account" : "region")} of the repository is not known and the AWS configuration does not say ({e.Message}). "
                + "Pass --registry-id <account> and --region <region>.", e);
        }
    }
}
