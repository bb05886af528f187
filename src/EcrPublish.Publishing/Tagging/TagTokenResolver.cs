using System.Globalization;
using EcrPublish.Validation;

namespace EcrPublish.Tagging;

/// <summary>Replaces one token, such as <c>sha:10</c> or <c>date:yyyyMMddHHmm</c>, with its value.</summary>
internal static class TagTokenResolver
{
    public static readonly string[] KnownTokens = ["version", "sha", "sha:N", "date", "date:FORMAT", "build", "branch", "env"];

    private const int DefaultShaLength = 7;
    private const int MinShaLength = 4;
    private const int MaxShaLength = 40;

    /// <summary>Returns the token's value, or null after adding an error that says what to set.</summary>
    public static string? Resolve(string token, string template, TagContext context, ICollection<EcrDiagnostic> errors)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? token : token[..colon]).Trim().ToLowerInvariant();
        var argument = colon < 0 ? null : token[(colon + 1)..];
        var where = $"in tag template '{template}'";
        if (argument is not null && name is not ("sha" or "date"))
        {
            errors.Add(EcrDiagnostic.Error(InputCodes.InvalidTagTokenArgument, $"Token {{{token}}} {where} takes no ':' argument. Use {{{name}}}."));
            return null;
        }

        return name switch
        {
            "version" => Require(context.Version?.Replace('+', '-'), token, where, "the project's Version is empty. Set Version (or let MinVer / Nerdbank.GitVersioning set it)", errors),
            "sha" => Sha(context.Git.Sha, argument, token, where, errors),
            "date" => Date(context.Timestamp, argument, token, where, errors),
            "build" => Require(context.BuildNumber, token, where, $"no CI build number is set. Set one of {CiProviders.BuildNumberVariableList}, or remove {{build}} from EcrImageTags", errors),
            "branch" => Branch(context.Git.Branch, token, where, errors),
            "env" => Require(context.Environment, token, where, "EcrEnvironment is not set. Set EcrEnvironment (for example -p:EcrEnvironment=staging), or remove {env} from EcrImageTags", errors),
            _ => Unknown(token, where, errors),
        };
    }

    private static string? Sha(string? sha, string? argument, string token, string where, ICollection<EcrDiagnostic> errors)
    {
        var length = DefaultShaLength;
        if (argument is not null &&
            (!int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out length) || length is < MinShaLength or > MaxShaLength))
        {
            errors.Add(EcrDiagnostic.Error(
                InputCodes.InvalidTagTokenArgument,
                $"Token {{{token}}} {where} needs a length from {MinShaLength} to {MaxShaLength}, for example {{sha:12}}."));
            return null;
        }

        var value = Require(sha, token, where, "no git commit is known: publish from a git repository, or set the CI commit variable (GITHUB_SHA, BUILD_SOURCEVERSION, CI_COMMIT_SHA, GIT_COMMIT, ...)", errors);
        return value?[..Math.Min(length, value.Length)];
    }

    private static string? Date(DateTimeOffset timestamp, string? format, string token, string where, ICollection<EcrDiagnostic> errors)
    {
        try
        {
            return timestamp.UtcDateTime.ToString(format ?? "yyyyMMdd", CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            errors.Add(EcrDiagnostic.Error(
                InputCodes.InvalidTagTokenArgument,
                $"Token {{{token}}} {where} has an invalid .NET date format '{format}'. Use a custom format such as {{date:yyyyMMddHHmm}}."));
            return null;
        }
    }

    private static string? Branch(string? branch, string token, string where, ICollection<EcrDiagnostic> errors)
    {
        var sanitized = branch is null ? null : BranchNameSanitizer.Sanitize(branch);
        return Require(
            string.IsNullOrEmpty(sanitized) ? null : sanitized,
            token,
            where,
            "the branch is unknown (detached HEAD outside a recognised CI, or a branch name without usable characters). Check out a branch, or remove {branch} from EcrImageTags",
            errors);
    }

    private static string? Unknown(string token, string where, ICollection<EcrDiagnostic> errors)
    {
        errors.Add(EcrDiagnostic.Error(
            InputCodes.UnknownTagToken,
            $"Unknown token {{{token}}} {where}. Known tokens: {string.Join(", ", KnownTokens.Select(known => $"{{{known}}}"))}."));
        return null;
    }

    private static string? Require(string? value, string token, string where, string remedy, ICollection<EcrDiagnostic> errors)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        errors.Add(EcrDiagnostic.Error(InputCodes.TagTokenHasNoValue, $"Token {{{token}}} {where} has no value: {remedy}."));
        return null;
    }
}
