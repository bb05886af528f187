using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.EcrRules;

namespace EcrPublish.Publishing;

/// <summary>
/// <c>EcrCreateRepository=Template</c>: before anything is pushed, makes sure ECR will create the missing repository
/// on push — a <c>CREATE_ON_PUSH</c> repository creation template must cover its name (as ECR chooses: the longest
/// prefix the name falls under, else <c>ROOT</c>).
/// </summary>
public sealed class CreateOnPushTemplateCheck(EcrApiClient ecr, IPublishLog log)
{
    /// <summary>The repository as it will be once ECR creates it on push (its URI, from the registry's endpoint).</summary>
    public async Task<ProvisionedRepository> ExpectCreatedOnPushAsync(string name, string? registryId, CancellationToken cancellationToken)
    {
        var template = await FindAsync(name, registryId, cancellationToken).ConfigureAwait(false)
            ?? throw new EcrPublishException(PublishErrorCodes.NoCreateOnPushTemplate,
                $"EcrCreateRepository=Template, but the ECR repository '{name}' does not exist and no repository creation template with CREATE_ON_PUSH covers it, so ECR would refuse the push. "
                + $"Create one ('dotnet ecr create-repository-creation-template --prefix {EcrRepositoryCreationTemplatePrefix.Suggest(name)} --applied-for CREATE_ON_PUSH'), create the repository, or set EcrCreateRepository=true.");
        var token = await ecr.GetRegistryCredentialsAsync(registryId, cancellationToken).ConfigureAwait(false);
        log.Important($"EcrPublish: ECR creates {name} on push from the repository creation template '{template.Prefix}' ({template.ImageTagMutability ?? EcrTagMutability.Mutable}); the template's settings apply, not the project's.");
        return new ProvisionedRepository(
            new Repository
            {
                RegistryId = registryId,
                RepositoryName = name,
                RepositoryUri = $"{token.RegistryHost}/{name}",
                ImageTagMutability = template.ImageTagMutability,
            },
            Created: true)
        {
            CreateOnPushTemplate = template,
        };
    }

    private async Task<RepositoryCreationTemplate?> FindAsync(string name, string? registryId, CancellationToken cancellationToken)
    {
        var covering = new List<RepositoryCreationTemplate>();
        string? nextToken = null;
        do
        {
            var page = await ecr.DescribeRepositoryCreationTemplatesAsync(new DescribeRepositoryCreationTemplatesRequest { NextToken = nextToken }, cancellationToken).ConfigureAwait(false);
            // The operation takes no registry id: it answers the caller's registry, whose templates do not apply to another account's.
            if (registryId is not null && page.RegistryId is { } caller && caller != registryId)
            {
                throw new EcrPublishException(PublishErrorCodes.TemplatesOfAnotherRegistry,
                    $"EcrCreateRepository=Template cannot check the templates of registry {registryId}: DescribeRepositoryCreationTemplates reads only the caller's registry ({caller}). "
                    + $"Create '{name}' in {registryId} first (or have its owner add a CREATE_ON_PUSH template and create it), or publish with credentials of account {registryId}.");
            }

            covering.AddRange((page.RepositoryCreationTemplates ?? []).Where(template =>
                template.Prefix is { } prefix
                && (template.AppliedFor ?? []).Contains(EcrRepositoryCreationTemplatePrefix.CreateOnPush, StringComparer.Ordinal)
                && EcrRepositoryCreationTemplatePrefix.Covers(prefix, name)));
            nextToken = page.NextToken;
        }
        while (nextToken is not null);

        return covering.MaxBy(template => template.Prefix == EcrRepositoryCreationTemplatePrefix.Root ? 0 : template.Prefix!.Length + 1);
    }
}
