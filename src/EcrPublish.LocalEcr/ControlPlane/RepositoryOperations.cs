using System.Text.Json.Nodes;
using EcrPublish.EcrRules;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>CreateRepository, DescribeRepositories, DeleteRepository and the repository settings operations.</summary>
internal sealed class RepositoryOperations(LocalEcrOptions options, RepositoryStore repositories, EcrJson json)
{

    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("CreateRepository", CreateRepositoryAsync),
        new("DescribeRepositories", DescribeRepositoriesAsync),
        new("DeleteRepository", DeleteRepositoryAsync),
        new("PutImageTagMutability", PutImageTagMutabilityAsync),
        new("PutImageScanningConfiguration", PutImageScanningConfigurationAsync),
    ];

    private async Task<JsonObject> CreateRepositoryAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var (mutability, filters) = RepositorySettingsReader.Mutability(call, "MUTABLE");
        var scanning = call.OptionalObject("imageScanningConfiguration");
        var scanOnPush = scanning is null ? false : call.OptionalBool("scanOnPush", scanning) ?? false;
        var (encryptionType, kmsKey) = Encryption(call);
        var tags = RepositorySettingsReader.Tags(call, "tags", required: false);
        RepositorySettingsReader.EnsureTagLimit(tags.Count);

        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        if (handle.Record is not null)
        {
            throw EcrErrors.RepositoryAlreadyExists(name, options.AccountId);
        }

        var record = new RepositoryRecord
        {
            Name = name,
            CreatedAt = call.Now,
            ImageTagMutability = mutability,
            ImageTagMutabilityExclusionFilters = filters,
            ScanOnPush = scanOnPush,
            EncryptionType = encryptionType,
            KmsKey = kmsKey,
            Tags = tags,
        };
        handle.Create(record);
        return new JsonObject { ["repository"] = json.Repository(record, call.Host) };
    }

    private async Task<JsonObject> DescribeRepositoriesAsync(EcrCall call)
    {
        var nameNodes = call.OptionalArray("repositoryNames", 1, 100);
        var token = call.OptionalString("nextToken");
        var maxResults = call.OptionalInt("maxResults", 1, 1000);
        if (nameNodes is not null && (token is not null || maxResults is not null))
        {
            throw EcrErrors.InvalidParameter("Invalid parameter: nextToken and maxResults cannot be used with repositoryNames");
        }

        var result = new JsonObject();
        var described = new JsonArray();
        if (nameNodes is not null)
        {
            foreach (var node in nameNodes)
            {
                var name = EcrCall.StringOf(node, "repositoryNames") ?? throw EcrErrors.Serialization("'repositoryNames' entries must be strings");
                var violation = Validation.RepositoryNameRule.Violation(name);
                if (violation is not null)
                {
                    throw EcrErrors.InvalidParameter("repositoryNames", violation);
                }

                using var handle = await repositories.LockAsync(name, call.CancellationToken);
                described.Add(json.Repository(handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId), call.Host));
            }
        }
        else
        {
            var (page, next) = PageToken.Slice(repositories.Names(), token, maxResults);
            foreach (var name in page)
            {
                using var handle = await repositories.LockAsync(name, call.CancellationToken);
                if (handle.Record is not null)
                {
                    described.Add(json.Repository(handle.Record, call.Host));
                }
            }

            if (next is not null)
            {
                result["nextToken"] = next;
            }
        }

        result["repositories"] = described;
        return result;
    }

    private async Task<JsonObject> DeleteRepositoryAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var force = call.OptionalBool("force") ?? false;
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        if (record.Images.Count > 0 && !force)
        {
            throw EcrErrors.RepositoryNotEmpty(name, options.AccountId);
        }

        var response = json.Repository(record, call.Host);
        handle.Delete();
        return new JsonObject { ["repository"] = response };
    }

    private async Task<JsonObject> PutImageTagMutabilityAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var (mutability, filters) = RepositorySettingsReader.Mutability(call, fallback: null);
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        record.ImageTagMutability = mutability;
        record.ImageTagMutabilityExclusionFilters = filters;
        handle.Save();
        var response = new JsonObject
        {
            ["registryId"] = options.AccountId,
            ["repositoryName"] = name,
            ["imageTagMutability"] = mutability,
        };
        if (filters.Count > 0)
        {
            response["imageTagMutabilityExclusionFilters"] = EcrJson.ExclusionFilters(filters);
        }

        return response;
    }

    private async Task<JsonObject> PutImageScanningConfigurationAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var scanning = call.OptionalObject("imageScanningConfiguration")
            ?? throw EcrErrors.InvalidParameter("imageScanningConfiguration", "Member must not be null");
        var scanOnPush = call.OptionalBool("scanOnPush", scanning) ?? false;
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        record.ScanOnPush = scanOnPush;
        handle.Save();
        return new JsonObject
        {
            ["registryId"] = options.AccountId,
            ["repositoryName"] = name,
            ["imageScanningConfiguration"] = new JsonObject { ["scanOnPush"] = scanOnPush },
        };
    }

    private (string Type, string? KmsKey) Encryption(EcrCall call)
    {
        var encryption = call.OptionalObject("encryptionConfiguration");
        if (encryption is null)
        {
            return (EcrEncryptionType.Aes256, null);
        }

        var type = EcrCall.StringOf(encryption["encryptionType"], "encryptionType")
            ?? throw EcrErrors.InvalidParameter("encryptionConfiguration.encryptionType", "Member must not be null");
        if (!EcrEncryptionType.IsValid(type))
        {
            throw EcrErrors.InvalidParameter("encryptionConfiguration.encryptionType", $"Member must satisfy enum value set: [{string.Join(", ", EcrEncryptionType.All)}]");
        }

        var kmsKey = EcrCall.StringOf(encryption["kmsKey"], "kmsKey");
        if (!EcrEncryptionType.TakesKmsKey(type))
        {
            return kmsKey is null
                ? (type, null)
                : throw EcrErrors.InvalidParameter("Invalid parameter: kmsKey can be specified only when encryptionType is KMS or KMS_DSSE");
        }

        if (kmsKey is { Length: < 1 or > 2048 })
        {
            throw EcrErrors.InvalidParameter("encryptionConfiguration.kmsKey", "Member must have length between 1 and 2048");
        }

        // Without a key ECR uses the AWS managed key of the registry.
        return (type, kmsKey ?? $"arn:aws:kms:{options.Region}:{options.AccountId}:alias/aws/ecr");
    }
}
