using System.Text.Json;
using System.Text.RegularExpressions;

namespace EcrPublish.LocalEcr.Policies;

/// <summary>
/// Checks repository and registry policy text as IAM resource-policy JSON (Version, Id, Statement with Sid, Effect,
/// Principal/NotPrincipal, Action/NotAction, Resource/NotResource, Condition), and identity policies (no principal, a
/// resource in every statement). Returns the first problem in plain words; the control plane answers with ECR's fixed
/// message (ECR does not say what is wrong).
/// </summary>
internal static partial class IamPolicyValidator
{
    /// <summary>ECR's <c>RepositoryPolicyText</c> / registry <c>policyText</c> maximum length.</summary>
    public const int MaximumTextLength = 10240;

    private static readonly string[] TopLevelKeys = ["Version", "Id", "Statement"];
    private static readonly string[] StatementKeys = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];
    private static readonly string[] Versions = ["2012-10-17", "2008-10-17"];
    private static readonly string[] PrincipalTypes = ["AWS", "Service", "Federated", "CanonicalUser"];

    // The actions a registry policy may grant: replication, repository creation and pull-through cache imports.
    private static readonly string[] RegistryActions = ["ecr:CreateRepository", "ecr:ReplicateImage", "ecr:BatchImportUpstreamImage"];

    /// <summary>The first problem, or null when ECR would accept the policy.</summary>
    public static string? Problem(string text, PolicyKind kind)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException error)
        {
            return $"the policy is not JSON: {error.Message}";
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "the policy must be a JSON object";
            }

            return UnknownKey(root, TopLevelKeys, "the policy")
                ?? CheckVersion(root)
                ?? CheckStatements(root, kind);
        }
    }

    private static string? CheckVersion(JsonElement root)
    {
        if (!root.TryGetProperty("Version", out var version))
        {
            return null;
        }

        return version.ValueKind == JsonValueKind.String && Versions.Contains(version.GetString(), StringComparer.Ordinal)
            ? null
            : "Version must be \"2012-10-17\" or \"2008-10-17\"";
    }

    private static string? CheckStatements(JsonElement root, PolicyKind kind)
    {
        if (!root.TryGetProperty("Statement", out var statement))
        {
            return "the policy has no Statement";
        }

        var statements = statement.ValueKind switch
        {
            JsonValueKind.Object => [statement],
            JsonValueKind.Array => statement.EnumerateArray().ToList(),
            _ => null,
        };
        if (statements is null || statements.Count == 0)
        {
            return "Statement must be a statement object or a non-empty array of them";
        }

        var sids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < statements.Count; i++)
        {
            var problem = CheckStatement(statements[i], kind, sids);
            if (problem is not null)
            {
                return $"Statement[{i}]: {problem}";
            }
        }

        return null;
    }

    private static string? CheckStatement(JsonElement statement, PolicyKind kind, HashSet<string> sids)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            return "a statement must be an object";
        }

        if (UnknownKey(statement, StatementKeys, "a statement") is { } unknown)
        {
            return unknown;
        }

        if (statement.TryGetProperty("Sid", out var sid))
        {
            if (sid.ValueKind != JsonValueKind.String)
            {
                return "Sid must be a string";
            }

            if (kind == PolicyKind.Identity && !sid.GetString()!.All(char.IsAsciiLetterOrDigit))
            {
                return $"Sid '{sid.GetString()}' may hold only letters and digits in an identity policy";
            }

            if (kind is PolicyKind.Registry or PolicyKind.Identity && !sids.Add(sid.GetString()!))
            {
                return $"Sid '{sid.GetString()}' is used twice";
            }
        }

        if (!statement.TryGetProperty("Effect", out var effect) || effect.ValueKind != JsonValueKind.String || effect.GetString() is not ("Allow" or "Deny"))
        {
            return "Effect must be \"Allow\" or \"Deny\"";
        }

        var principal = kind == PolicyKind.Identity
            ? statement.TryGetProperty("Principal", out _) || statement.TryGetProperty("NotPrincipal", out _) ? "an identity policy statement has no Principal or NotPrincipal (the identity it is attached to is the principal)" : null
            : ExactlyOne(statement, "Principal", "NotPrincipal", CheckPrincipal);
        return principal
            ?? ExactlyOne(statement, "Action", "NotAction", value => CheckActions(value, kind))
            ?? CheckResource(statement, kind)
            ?? CheckCondition(statement);
    }

    private static string? ExactlyOne(JsonElement statement, string name, string negated, Func<JsonElement, string?> check)
    {
        var has = statement.TryGetProperty(name, out var value);
        var hasNegated = statement.TryGetProperty(negated, out var negatedValue);
        if (has == hasNegated)
        {
            return $"a statement needs exactly one of {name} and {negated}";
        }

        return has ? check(value) : check(negatedValue);
    }

    private static string? CheckPrincipal(JsonElement principal)
    {
        if (principal.ValueKind == JsonValueKind.String)
        {
            return principal.GetString() == "*" ? null : "Principal must be \"*\" or an object like {\"AWS\": \"arn:aws:iam::123456789012:root\"}";
        }

        if (principal.ValueKind != JsonValueKind.Object || !principal.EnumerateObject().Any())
        {
            return "Principal must be \"*\" or a non-empty object";
        }

        foreach (var entry in principal.EnumerateObject())
        {
            if (!PrincipalTypes.Contains(entry.Name, StringComparer.Ordinal))
            {
                return $"Principal type '{entry.Name}' is not one of {string.Join(", ", PrincipalTypes)}";
            }

            if (StringList(entry.Value) is null)
            {
                return $"Principal.{entry.Name} must be a string or a non-empty array of strings";
            }
        }

        return null;
    }

    private static string? CheckActions(JsonElement value, PolicyKind kind)
    {
        var actions = StringList(value);
        if (actions is null)
        {
            return "Action must be a string or a non-empty array of strings";
        }

        foreach (var action in actions)
        {
            if (action != "*" && !ActionPattern().IsMatch(action))
            {
                return $"Action '{action}' is not \"*\" or service:Action (e.g. ecr:BatchGetImage)";
            }

            if (kind == PolicyKind.Registry && !RegistryActions.Any(allowed => WildcardMatches(action, allowed)))
            {
                return $"Action '{action}' is not allowed in a registry policy (only {string.Join(", ", RegistryActions)})";
            }
        }

        return null;
    }

    private static string? CheckResource(JsonElement statement, PolicyKind kind)
    {
        var has = statement.TryGetProperty("Resource", out var resource);
        var hasNegated = statement.TryGetProperty("NotResource", out var notResource);
        if (has && hasNegated)
        {
            return "a statement may not have both Resource and NotResource";
        }

        if (!has && !hasNegated)
        {
            return kind switch
            {
                PolicyKind.Registry => "a registry policy statement needs a Resource",
                PolicyKind.Identity => "an identity policy statement needs a Resource or NotResource",
                _ => null,
            };
        }

        return StringList(has ? resource : notResource) is null ? "Resource must be a string or a non-empty array of strings" : null;
    }

    private static string? CheckCondition(JsonElement statement)
    {
        if (!statement.TryGetProperty("Condition", out var condition))
        {
            return null;
        }

        if (condition.ValueKind != JsonValueKind.Object)
        {
            return "Condition must be an object of operators";
        }

        foreach (var op in condition.EnumerateObject())
        {
            if (op.Value.ValueKind != JsonValueKind.Object)
            {
                return $"Condition.{op.Name} must be an object of keys and values";
            }
        }

        return null;
    }

    private static string? UnknownKey(JsonElement element, string[] allowed, string what)
    {
        var unknown = element.EnumerateObject().FirstOrDefault(property => !allowed.Contains(property.Name, StringComparer.Ordinal));
        return unknown.Value.ValueKind == JsonValueKind.Undefined ? null : $"{what} has an unknown member '{unknown.Name}'";
    }

    private static List<string>? StringList(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0
            || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            return null;
        }

        return value.EnumerateArray().Select(item => item.GetString()!).ToList();
    }

    // IAM action names are case-insensitive; '*' and '?' are wildcards.
    private static bool WildcardMatches(string pattern, string action) =>
        Regex.IsMatch(action, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + @"\z",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [GeneratedRegex("^[A-Za-z0-9-]+:[A-Za-z0-9*?]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ActionPattern();
}
