using System.Text.Json.Nodes;
using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.EcrRules;

namespace EcrPublish.Publishing;

/// <summary>
/// Makes the repository exist as the project declares it ("repository as code"): created when missing
/// with the declared scanning, mutability, encryption and tags; lifecycle and repository policies put only
/// when they differ from what ECR holds, so an unchanged project sends no writes. A repository ECR creates on push
/// (EcrCreateRepository=Template) gets its policies once the push has created it (<see cref="ApplyPoliciesAsync"/>).
/// </summary>
public sealed class RepositoryProvisioner(EcrApiClient ecr, IPublishLog log)
{
    public Task<ProvisionedRepository> EnsureAsync(string name, string? registryId, RepositorySettings settings, CancellationToken cancellationToken) =>
        EnsureAsync(name, registryId, settings, DescribeAsync(name, registryId, cancellationToken), cancellationToken);

    /// <summary>As <see cref="EnsureAsync(string, string?, RepositorySettings, CancellationToken)"/>, with the repository's description already asked for (<see cref="DescribeAsync"/>, e.g. while the image was built).</summary>
    public async Task<ProvisionedRepository> EnsureAsync(string name, string? registryId, RepositorySettings settings, Task<Repository?> described, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(described);
        var existing = await described.ConfigureAwait(false);
        if (existing is null && settings.CreateByTemplate)
        {
            // Nothing to sync before the push creates it: the push stage applies the policies then (CreateOnPushStage).
            return await new CreateOnPushTemplateCheck(ecr, log).ExpectCreatedOnPushAsync(name, registryId, cancellationToken).ConfigureAwait(false);
        }

        if (existing is not null && settings.SyncTagMutability)
        {
            await SyncTagMutabilityAsync(name, existing, registryId, settings, cancellationToken).ConfigureAwait(false);
        }

        var repository = existing is null
            ? await CreateAsync(name, registryId, settings, cancellationToken).ConfigureAwait(false)
            : new ProvisionedRepository(existing, Created: false);
        await ApplyPoliciesAsync(name, registryId, settings, cancellationToken).ConfigureAwait(false);
        return repository;
    }

    /// <summary>Puts the declared lifecycle and repository policies (EcrLifecyclePolicyFile, EcrRepositoryPolicyFile) where they differ from what the existing repository holds.</summary>
    public async Task ApplyPoliciesAsync(string name, string? registryId, RepositorySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.LifecyclePolicyJson is { } lifecycle)
        {
            await SyncLifecyclePolicyAsync(name, registryId, lifecycle, cancellationToken).ConfigureAwait(false);
        }

        if (settings.RepositoryPolicyJson is { } policy)
        {
            await SyncRepositoryPolicyAsync(name, registryId, policy, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The repository as ECR describes it, or null when it does not exist. Changes nothing.</summary>
    public async Task<Repository?> DescribeAsync(string name, string? registryId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RegistryId = registryId, RepositoryNames = [name] }, cancellationToken).ConfigureAwait(false);
            return response.Repositories is [var repository, ..] ? repository : null;
        }
        catch (EcrServiceException exception) when (exception.ErrorCode == EcrServiceErrorCodes.RepositoryNotFound)
        {
            return null;
        }
    }

    private async Task<ProvisionedRepository> CreateAsync(string name, string? registryId, RepositorySettings settings, CancellationToken cancellationToken)
    {
        if (!settings.Create)
        {
            throw new EcrPublishException(PublishErrorCodes.RepositoryMissing,
                $"The ECR repository '{name}' does not exist. Create it ('dotnet ecr create-repository --repository-name {name}'), or set EcrCreateRepository=true.");
        }

        var request = new CreateRepositoryRequest
        {
            RegistryId = registryId,
            RepositoryName = name,
            ImageScanningConfiguration = new ImageScanningConfiguration { ScanOnPush = settings.ScanOnPush },
            ImageTagMutability = settings.TagMutability,
            ImageTagMutabilityExclusionFilters = ExclusionFilters(settings),
            EncryptionConfiguration = settings.EncryptionType is null ? null : new EncryptionConfiguration { EncryptionType = settings.EncryptionType, KmsKey = settings.KmsKey },
            Tags = settings.Tags.Count == 0 ? null : [.. settings.Tags.Select(tag => new Tag { Key = tag.Key, Value = tag.Value })],
        };
        try
        {
            var created = await ecr.CreateRepositoryAsync(request, cancellationToken).ConfigureAwait(false);
            log.Important($"EcrPublish: created repository {created.Repository?.RepositoryUri ?? name} ({settings.TagMutability}, scan on push {(settings.ScanOnPush ? "on" : "off")}).");
            return new ProvisionedRepository(
                created.Repository ?? throw new EcrPublishException(PublishErrorCodes.NoRepositoryUri, $"ECR created '{name}' but returned no repository. Check the endpoint (EcrServiceUrl)."),
                Created: true);
        }
        catch (EcrServiceException exception) when (exception.ErrorCode == EcrServiceErrorCodes.RepositoryAlreadyExists)
        {
            // Another project of the same solution created it a moment ago.
            return new ProvisionedRepository(
                await DescribeAsync(name, registryId, cancellationToken).ConfigureAwait(false)
                    ?? throw new EcrPublishException(PublishErrorCodes.RepositoryMissing, $"ECR says '{name}' exists but cannot describe it. Check the IAM permissions for ecr:DescribeRepositories."),
                Created: false);
        }
    }

    private async Task SyncTagMutabilityAsync(string name, Repository existing, string? registryId, RepositorySettings settings, CancellationToken cancellationToken)
    {
        var current = (existing.ImageTagMutabilityExclusionFilters ?? []).Select(filter => filter.Filter ?? string.Empty).Order(StringComparer.Ordinal);
        if (existing.ImageTagMutability == settings.TagMutability
            && current.SequenceEqual(settings.TagMutabilityExclusionFilters.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            log.Detail($"EcrPublish: the tag mutability exclusion filters of {name} are up to date.");
            return;
        }

        await ecr.PutImageTagMutabilityAsync(
            new PutImageTagMutabilityRequest
            {
                RegistryId = registryId,
                RepositoryName = name,
                ImageTagMutability = settings.TagMutability,
                ImageTagMutabilityExclusionFilters = ExclusionFilters(settings),
            },
            cancellationToken).ConfigureAwait(false);
        log.Important($"EcrPublish: set the tag mutability of {name} to {settings.TagMutability} excluding {string.Join(", ", settings.TagMutabilityExclusionFilters)}.");
    }

    private static List<ImageTagMutabilityExclusionFilter>? ExclusionFilters(RepositorySettings settings) =>
        settings.TagMutabilityExclusionFilters.Count == 0
            ? null
            : [.. settings.TagMutabilityExclusionFilters.Select(filter => new ImageTagMutabilityExclusionFilter { FilterType = EcrTagMutabilityExclusionFilter.Wildcard, Filter = filter })];

    private async Task SyncLifecyclePolicyAsync(string name, string? registryId, string policy, CancellationToken cancellationToken)
    {
        string? current = null;
        try
        {
            current = (await ecr.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { RegistryId = registryId, RepositoryName = name }, cancellationToken).ConfigureAwait(false)).LifecyclePolicyText;
        }
        catch (EcrServiceException exception) when (exception.ErrorCode == EcrServiceErrorCodes.LifecyclePolicyNotFound)
        {
        }

        if (SameJson(current, policy))
        {
            log.Detail($"EcrPublish: the lifecycle policy of {name} is up to date.");
            return;
        }

        await ecr.PutLifecyclePolicyAsync(new PutLifecyclePolicyRequest { RegistryId = registryId, RepositoryName = name, LifecyclePolicyText = policy }, cancellationToken).ConfigureAwait(false);
        log.Important($"EcrPublish: applied the lifecycle policy to {name}.");
    }

    private async Task SyncRepositoryPolicyAsync(string name, string? registryId, string policy, CancellationToken cancellationToken)
    {
        string? current = null;
        try
        {
            current = (await ecr.GetRepositoryPolicyAsync(new GetRepositoryPolicyRequest { RegistryId = registryId, RepositoryName = name }, cancellationToken).ConfigureAwait(false)).PolicyText;
        }
        catch (EcrServiceException exception) when (exception.ErrorCode == EcrServiceErrorCodes.RepositoryPolicyNotFound)
        {
        }

        if (SameJson(current, policy))
        {
            log.Detail($"EcrPublish: the repository policy of {name} is up to date.");
            return;
        }

        await ecr.SetRepositoryPolicyAsync(new SetRepositoryPolicyRequest { RegistryId = registryId, RepositoryName = name, PolicyText = policy }, cancellationToken).ConfigureAwait(false);
        log.Important($"EcrPublish: applied the repository policy to {name}.");
    }

    // ECR re-serialises policies (whitespace, member order may differ): compare meaning, not bytes.
    private static bool SameJson(string? current, string wanted) =>
        current is not null && JsonNode.DeepEquals(JsonNode.Parse(current), JsonNode.Parse(wanted));
}
