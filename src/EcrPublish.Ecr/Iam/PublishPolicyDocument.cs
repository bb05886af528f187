using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.Iam;

/// <summary>
/// The IAM identity policy a publish needs, built from <see cref="PublishPermissionTable"/>: one statement per resource
/// (<c>*</c>, the repository, the base image's repository, the KMS key), actions sorted, so the same settings always print
/// the same document.
/// </summary>
public static class PublishPolicyDocument
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The policy for a publish with <paramref name="settings"/> to <paramref name="repository"/>, as indented JSON.</summary>
    public static string Write(PublishPermissionSettings settings, EcrRepositoryLocation repository) =>
        Create(settings, repository).ToJsonString(Indented);

    /// <summary>The policy for a publish with <paramref name="settings"/> to <paramref name="repository"/>.</summary>
    public static JsonObject Create(PublishPermissionSettings settings, EcrRepositoryLocation repository)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(repository);
        var rows = PublishPermissionTable.For(settings);
        var baseImageArn = settings.BaseImage?.Arn;
        // A base image in the same repository needs no statement of its own.
        IamResourceScope Grouped(IamResourceScope scope) =>
            scope == IamResourceScope.BaseImageRepository && baseImageArn == repository.Arn ? IamResourceScope.Repository : scope;

        var statements = new JsonArray();
        foreach (var scope in Enum.GetValues<IamResourceScope>())
        {
            var actions = rows.Where(row => Grouped(row.Scope) == scope).Select(row => row.Action).Distinct().Order(StringComparer.Ordinal).ToList();
            if (actions.Count > 0)
            {
                statements.Add(Statement(scope, actions, settings, repository));
            }
        }

        return new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements };
    }

    private static JsonObject Statement(IamResourceScope scope, List<string> actions, PublishPermissionSettings settings, EcrRepositoryLocation repository)
    {
        var statement = new JsonObject
        {
            ["Sid"] = scope switch
            {
                IamResourceScope.AnyResource => "Registry",
                IamResourceScope.Repository => "Repository",
                IamResourceScope.BaseImageRepository => "BaseImage",
                IamResourceScope.SigningKey => "SigningKey",
                _ => "RepositoryKey",
            },
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray([.. actions.Select(action => (JsonNode)action)]),
        };
        if (scope == IamResourceScope.SigningKey)
        {
            return WithKey(statement, KmsKeyResource.Of(settings.SigningKmsKey, repository), new JsonObject());
        }

        if (scope != IamResourceScope.KmsKey)
        {
            statement["Resource"] = scope switch
            {
                IamResourceScope.AnyResource => "*",
                IamResourceScope.Repository => repository.Arn,
                _ => settings.BaseImage!.Arn,
            };
            return statement;
        }

        var partition = Aws.AwsPartition.ForRegion(repository.Region);
        // The repository's key is used only by ECR on the caller's behalf, never directly.
        var viaEcr = new JsonObject { ["StringEquals"] = new JsonObject { ["kms:ViaService"] = $"ecr.{repository.Region}.{partition.DnsSuffix}" } };
        return WithKey(statement, KmsKeyResource.Of(settings.KmsKey, repository), viaEcr);
    }

    private static JsonObject WithKey(JsonObject statement, KmsKeyResource key, JsonObject condition)
    {
        statement["Resource"] = key.Arn;
        if (key.Alias is { } alias)
        {
            condition["ForAnyValue:StringEquals"] = new JsonObject { ["kms:ResourceAliases"] = alias };
        }

        if (condition.Count > 0)
        {
            statement["Condition"] = condition;
        }

        return statement;
    }
}
