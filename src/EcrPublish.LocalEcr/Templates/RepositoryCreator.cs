using EcrPublish.EcrRules;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.Templates;

/// <summary>
/// Makes the repositories LocalEcr creates on its own (pull through cache, replication, create on push) with the
/// settings of the registry's matching repository creation template: among the templates that apply to the scenario,
/// the one with the longest prefix the name falls under, else <c>ROOT</c>'s
/// (https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-creation-templates.html).
/// </summary>
internal sealed class RepositoryCreator(LocalEcrOptions options, RegistrySettingsStore settings)
{
    public RepositoryCreationTemplate? TemplateFor(string repositoryName, string scenario) =>
        settings.Current.RepositoryCreationTemplates
            .Where(template => template.AppliedFor.Contains(scenario, StringComparer.Ordinal) && template.Covers(repositoryName))
            .MaxBy(template => template.Prefix == "ROOT" ? 0 : template.Prefix.Length + 1);

    /// <summary>Creates the repository behind <paramref name="handle"/>: the template's settings, ECR's defaults without one.</summary>
    public void Create(RepositoryHandle handle, string scenario, DateTimeOffset now) =>
        handle.Create(NewRecord(handle.Name, TemplateFor(handle.Name, scenario), now));

    /// <summary>
    /// A push into a missing repository: creates it when a CREATE_ON_PUSH template covers the name (ECR's create on
    /// push); returns whether the repository exists now.
    /// </summary>
    public bool CreateOnPush(RepositoryHandle handle, DateTimeOffset now)
    {
        if (handle.Record is null && TemplateFor(handle.Name, RepositoryCreationScenario.CreateOnPush) is { } template)
        {
            handle.Create(NewRecord(handle.Name, template, now));
        }

        return handle.Record is not null;
    }

    private RepositoryRecord NewRecord(string name, RepositoryCreationTemplate? template, DateTimeOffset now)
    {
        if (template is null)
        {
            return new RepositoryRecord { Name = name, CreatedAt = now };
        }

        return new RepositoryRecord
        {
            Name = name,
            CreatedAt = now,
            ImageTagMutability = template.ImageTagMutability,
            ImageTagMutabilityExclusionFilters = [.. template.ImageTagMutabilityExclusionFilters],
            EncryptionType = template.EncryptionType,
            // As CreateRepository: KMS without a key is the registry's AWS managed key.
            KmsKey = EcrEncryptionType.TakesKmsKey(template.EncryptionType)
                ? template.KmsKey ?? $"arn:aws:kms:{options.Region}:{options.AccountId}:alias/aws/ecr"
                : null,
            Tags = [.. template.ResourceTags],
            PolicyText = template.RepositoryPolicy,
            LifecyclePolicyText = template.LifecyclePolicy,
        };
    }
}
