using EcrPublish.Signing;

namespace EcrPublish.Kms;

/// <summary>
/// An AWS KMS key named as <c>EcrSigningKey</c>: <c>awskms:///alias/&lt;name&gt;</c> or <c>awskms:///arn:aws:kms:&lt;region&gt;:&lt;account&gt;:key/&lt;id&gt;</c>
/// (or <c>…:alias/&lt;name&gt;</c>), the form cosign and Notation's KMS plugins use, without an endpoint in the host part; or
/// the key or alias ARN alone.
/// </summary>
/// <param name="KeyId">What KMS's <c>KeyId</c> parameter takes: <c>alias/name</c> or the ARN.</param>
public sealed record KmsKeyReference(string KeyId)
{
    /// <summary>The scheme that marks a KMS key.</summary>
    public const string Prefix = "awskms://";

    /// <summary>Whether <paramref name="value"/> names a KMS key rather than a file: <c>awskms://…</c>, or a bare KMS ARN (<c>arn:aws…:kms:…</c>).</summary>
    public static bool IsKms(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || IsBareArn(value);
    }

    /// <summary>The key of <paramref name="value"/>; throws <see cref="SigningErrorCodes.KmsKeyIdInvalid"/> when it names none.</summary>
    public static KmsKeyReference Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var keyId = IsBareArn(value) ? value
            : value[Prefix.Length..] is var rest && rest.StartsWith('/') ? rest[1..]
            : null;
        var valid = keyId switch
        {
            null => false,
            _ when keyId.StartsWith("alias/", StringComparison.Ordinal) => keyId.Length > "alias/".Length && !keyId.StartsWith("alias/aws/", StringComparison.Ordinal),
            _ when keyId.StartsWith("arn:aws", StringComparison.Ordinal) => keyId.Split(':') is [_, _, "kms", { Length: > 0 }, { Length: 12 }, var resource]
                && (resource.StartsWith("key/", StringComparison.Ordinal) || resource.StartsWith("alias/", StringComparison.Ordinal)) && resource.IndexOf('/') < resource.Length - 1,
            _ => false,
        };
        return valid
            ? new KmsKeyReference(keyId!)
            : throw new SigningException(SigningErrorCodes.KmsKeyIdInvalid,
                $"EcrSigningKey '{value}' names no KMS key. Write awskms:///alias/<name>, awskms:///arn:aws:kms:<region>:<account>:key/<key id> or that ARN alone (three slashes: no endpoint in the URI; set AWS_ENDPOINT_URL_KMS for another endpoint). AWS-managed aliases (alias/aws/…) are not signing keys.");
    }

    // A file path never starts with "arn:aws" and holds ":kms:", so a bare ARN can be told apart from a key file.
    private static bool IsBareArn(string value) => value.StartsWith("arn:aws", StringComparison.Ordinal) && value.Contains(":kms:", StringComparison.Ordinal);
}
