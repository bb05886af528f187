using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Storage;
using EcrPublish.LocalEcr.Templates;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>Create/Describe/Update/DeleteRepositoryCreationTemplate, stored in the registry's settings (see docs/localecr.md).</summary>
internal sealed class RepositoryCreationTemplateOperations(LocalEcrOptions options, RegistrySettingsStore settings)
{
    // LocalEcr's limit (ECR's is an adjustable service quota).
    private const int MaxTemplates = 100;

    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("CreateRepositoryCreationTemplate", CreateAsync),
        new("DescribeRepositoryCreationTemplates", DescribeAsync),
        new("UpdateRepositoryCreationTemplate", UpdateAsync),
        new("DeleteRepositoryCreationTemplate", DeleteAsync),
    ];

    private Task<JsonObject> CreateAsync(EcrCall call)
    {
        var prefix = RepositoryCreationTemplateReader.Prefix(call.RequiredString("prefix"));
        var template = new RepositoryCreationTemplate { Prefix = prefix, CreatedAt = call.Now, UpdatedAt = call.Now };
        RepositoryCreationTemplateReader.Apply(call, template, options.AccountId);
        settings.Update(current =>
        {
            if (current.RepositoryCreationTemplates.Any(existing => existing.Prefix == prefix))
            {
                throw new EcrApiException("TemplateAlreadyExistsException", $"The repository creation template with the prefix '{prefix}' already exists in the registry with id '{options.AccountId}'");
            }

            if (current.RepositoryCreationTemplates.Count >= MaxTemplates)
            {
                throw new EcrApiException("LimitExceededException", $"The registry already has the maximum of {MaxTemplates} repository creation templates");
            }

            current.RepositoryCreationTemplates.Add(template);
            return template;
        });
        return Task.FromResult(Answer(template));
    }

    private Task<JsonObject> DescribeAsync(EcrCall call)
    {
        var templates = settings.Current.RepositoryCreationTemplates;
        var wanted = call.OptionalArray("prefixes", 0, int.MaxValue)?
            .Select(node => RepositoryCreationTemplateReader.Prefix(EcrCall.StringOf(node, "prefixes")!))
            .ToHashSet(StringComparer.Ordinal);
        if (wanted is not null)
        {
            // Prefixes without a template are left out, not an error: the operation has no TemplateNotFoundException.
            templates = templates.Where(template => wanted.Contains(template.Prefix)).ToList();
        }

        var (page, next) = PageToken.Slice(templates, call.OptionalString("nextToken"), call.OptionalInt("maxResults", 1, 1000));
        var result = new JsonObject
        {
            ["registryId"] = options.AccountId,
            ["repositoryCreationTemplates"] = new JsonArray(page.Select(template => (JsonNode)Json(template)).ToArray()),
        };
        if (next is not null)
        {
            result["nextToken"] = next;
        }

        return Task.FromResult(result);
    }

    private Task<JsonObject> UpdateAsync(EcrCall call)
    {
        var prefix = RepositoryCreationTemplateReader.Prefix(call.RequiredString("prefix"));
        var template = settings.Update(current =>
        {
            var template = current.RepositoryCreationTemplates.FirstOrDefault(existing => existing.Prefix == prefix) ?? throw NotFound(prefix);
            RepositoryCreationTemplateReader.Apply(call, template, options.AccountId);
            template.UpdatedAt = call.Now;
            return template;
        });
        return Task.FromResult(Answer(template));
    }

    private Task<JsonObject> DeleteAsync(EcrCall call)
    {
        var prefix = RepositoryCreationTemplateReader.Prefix(call.RequiredString("prefix"));
        var template = settings.Update(current =>
        {
            var template = current.RepositoryCreationTemplates.FirstOrDefault(existing => existing.Prefix == prefix) ?? throw NotFound(prefix);
            current.RepositoryCreationTemplates.Remove(template);
            return template;
        });
        return Task.FromResult(Answer(template));
    }

    private JsonObject Answer(RepositoryCreationTemplate template) => new()
    {
        ["registryId"] = options.AccountId,
        ["repositoryCreationTemplate"] = Json(template),
    };

    private static JsonObject Json(RepositoryCreationTemplate template)
    {
        var encryption = new JsonObject { ["encryptionType"] = template.EncryptionType };
        if (template.KmsKey is not null)
        {
            encryption["kmsKey"] = template.KmsKey;
        }

        var json = new JsonObject { ["prefix"] = template.Prefix };
        EcrJson.Optional(json, "description", template.Description);
        json["encryptionConfiguration"] = encryption;
        json["resourceTags"] = EcrJson.Tags(template.ResourceTags);
        json["imageTagMutability"] = template.ImageTagMutability;
        if (template.ImageTagMutabilityExclusionFilters.Count > 0)
        {
            json["imageTagMutabilityExclusionFilters"] = EcrJson.ExclusionFilters(template.ImageTagMutabilityExclusionFilters);
        }

        EcrJson.Optional(json, "repositoryPolicy", template.RepositoryPolicy);
        EcrJson.Optional(json, "lifecyclePolicy", template.LifecyclePolicy);
        json["appliedFor"] = new JsonArray(template.AppliedFor.Select(scenario => (JsonNode)scenario).ToArray());
        EcrJson.Optional(json, "customRoleArn", template.CustomRoleArn);
        json["createdAt"] = EcrJson.Timestamp(template.CreatedAt);
        json["updatedAt"] = EcrJson.Timestamp(template.UpdatedAt);
        return json;
    }

    private EcrApiException NotFound(string prefix) =>
        new("TemplateNotFoundException", $"The repository creation template with the prefix '{prefix}' does not exist in the registry with id '{options.AccountId}'");
}
