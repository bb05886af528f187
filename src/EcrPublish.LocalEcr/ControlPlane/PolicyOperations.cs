using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Policies;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>
/// SetRepositoryPolicy, GetRepositoryPolicy, DeleteRepositoryPolicy, PutRegistryPolicy, GetRegistryPolicy and
/// DeleteRegistryPolicy. Policies are stored and returned as sent, after <see cref="IamPolicyValidator"/> accepts them;
/// they are not enforced (LocalEcr has one identity).
/// </summary>
internal sealed class PolicyOperations(LocalEcrOptions options, RepositoryStore repositories, RegistrySettingsStore registry)
{
    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("SetRepositoryPolicy", SetRepositoryPolicyAsync),
        new("GetRepositoryPolicy", GetRepositoryPolicyAsync),
        new("DeleteRepositoryPolicy", DeleteRepositoryPolicyAsync),
        new("PutRegistryPolicy", PutRegistryPolicyAsync),
        new("GetRegistryPolicy", GetRegistryPolicyAsync),
        new("DeleteRegistryPolicy", DeleteRegistryPolicyAsync),
    ];

    private async Task<JsonObject> SetRepositoryPolicyAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var text = PolicyText(call, PolicyKind.Repository, "Invalid repository policy provided");

        // force only matters to ECR's check that a policy would lock the caller out; LocalEcr has one identity.
        _ = call.OptionalBool("force");
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        record.PolicyText = text;
        handle.Save();
        return RepositoryPolicy(name, text);
    }

    private async Task<JsonObject> GetRepositoryPolicyAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        return RepositoryPolicy(name, record.PolicyText ?? throw RepositoryPolicyNotFound(name));
    }

    private async Task<JsonObject> DeleteRepositoryPolicyAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        var text = record.PolicyText ?? throw RepositoryPolicyNotFound(name);
        record.PolicyText = null;
        handle.Save();
        return RepositoryPolicy(name, text);
    }

    private Task<JsonObject> PutRegistryPolicyAsync(EcrCall call)
    {
        var text = PolicyText(call, PolicyKind.Registry, "Invalid registry policy provided");
        registry.Update(settings => settings.PolicyText = text);
        return Task.FromResult(RegistryPolicy(text));
    }

    private Task<JsonObject> GetRegistryPolicyAsync(EcrCall call) =>
        Task.FromResult(RegistryPolicy(registry.Current.PolicyText ?? throw RegistryPolicyNotFound()));

    private Task<JsonObject> DeleteRegistryPolicyAsync(EcrCall call)
    {
        var text = registry.Update(settings =>
        {
            var old = settings.PolicyText ?? throw RegistryPolicyNotFound();
            settings.PolicyText = null;
            return old;
        });
        return Task.FromResult(RegistryPolicy(text));
    }

    private static string PolicyText(EcrCall call, PolicyKind kind, string invalid)
    {
        var text = call.RequiredString("policyText");
        if (text.Length > IamPolicyValidator.MaximumTextLength)
        {
            throw EcrErrors.InvalidParameter("policyText", $"Member must have length less than or equal to {IamPolicyValidator.MaximumTextLength}");
        }

        return IamPolicyValidator.Problem(text, kind) is null ? text : throw EcrErrors.InvalidParameter("PolicyText", invalid);
    }

    private JsonObject RepositoryPolicy(string name, string text) => new()
    {
        ["registryId"] = options.AccountId,
        ["repositoryName"] = name,
        ["policyText"] = text,
    };

    private JsonObject RegistryPolicy(string text) => new()
    {
        ["registryId"] = options.AccountId,
        ["policyText"] = text,
    };

    private EcrApiException RepositoryPolicyNotFound(string name) =>
        new("RepositoryPolicyNotFoundException", $"Repository policy does not exist for the repository with name '{name}' in the registry with id '{options.AccountId}'");

    private static EcrApiException RegistryPolicyNotFound() =>
        new("RegistryPolicyNotFoundException", "The registry doesn't have an associated registry policy.");
}
