using EcrPublish.EcrRules;
using Xunit;

namespace EcrPublish.Core.Tests.EcrRules;

/// <summary>
/// The test vectors of ECR's rules, valid and invalid, from AWS's documented patterns and error messages. Every
/// consumer of a rule (the rule type, <c>dotnet publish</c>'s validation, <c>dotnet ecr</c>'s request validator,
/// LocalEcr) is run against the same table, so they cannot disagree again. LocalEcr.Tests links this file.
/// </summary>
public static class EcrRuleVectors
{
    /// <summary>2-256 characters, ECR's error text pattern <c>(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*</c>.</summary>
    public static readonly (string Value, bool Valid, string Why)[] RepositoryNames =
    [
        ("ab", true, "the shortest name: length greater than or equal to 2"),
        ("sample-repo", true, "the API reference's example"),
        ("team/app", true, "namespaces are separated by '/'"),
        ("a.b", true, "'.' between components"),
        ("a_b", true, "'_' between components"),
        ("a-b", true, "'-' between components"),
        ("0app", true, "a component may start with a digit"),
        ("team/app.web_api-v2/x", true, "every separator once, in nested namespaces"),
        (new string('a', 256), true, "length less than or equal to 256"),
        ("a", false, "must have length greater than or equal to 2"),
        ("", false, "must have length greater than or equal to 2"),
        (new string('a', 257), false, "must have length less than or equal to 256"),
        ("a__b", false, "separators are single in ECR's error-text pattern (the newest model allows '__')"),
        ("app--v2", false, "separators are single in ECR's error-text pattern (the newest model allows runs of '-')"),
        ("a-_b", false, "two separators in a row"),
        ("a..b", false, "two separators in a row"),
        ("Team/App", false, "lower case only"),
        ("-app", false, "must start with a letter or digit"),
        ("_app", false, "must start with a letter or digit"),
        ("app-", false, "must end with a letter or digit"),
        ("app/", false, "must end with a letter or digit"),
        ("/app", false, "no leading '/'"),
        ("team//app", false, "no empty namespace"),
        ("my app", false, "no spaces"),
        ("app:v1", false, "':' is not allowed"),
        ("app@x", false, "'@' is not allowed"),
        ("t\u00e4m", false, "ASCII letters only"),
        ("ab\n", false, "no trailing newline (anchored with \\z)"),
    ];

    /// <summary>Docker's tag grammar <c>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}</c>, which ECR accepts for pushes.</summary>
    public static readonly (string Value, bool Valid, string Why)[] ImageTags =
    [
        ("latest", true, "the default tag"),
        ("v1.2.3-abc_DEF", true, "letters, digits, '.', '-' and '_', either case"),
        ("_underscore-first", true, "'_' may come first"),
        ("1", true, "one character"),
        (new string('a', 128), true, "128 characters"),
        ("", false, "at least one character"),
        (new string('a', 129), false, "at most 128 characters"),
        (".dot-first", false, "not starting with '.'"),
        ("-dash-first", false, "not starting with '-'"),
        ("has space", false, "no spaces"),
        ("colon:inside", false, "':' separates the tag from the name"),
        ("plus+sign", false, "'+' is not allowed"),
        ("a/b", false, "'/' is not allowed"),
        ("latest\n", false, "no trailing newline (anchored with \\z)"),
    ];

    /// <summary>BatchDeleteImage's "image digest should satisfy the regex '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'".</summary>
    public static readonly (string Value, bool Valid, string Why)[] WellFormedDigests =
    [
        ("sha256:" + new string('a', 64), true, "a sha256 digest"),
        ("sha512:ABCDEF0123", true, "any algorithm, hex of either case"),
        ("sha256:bad", true, "well-formed, though no image has it"),
        ("sha256:", false, "no hex part"),
        (":abc", false, "no algorithm"),
        ("sha256:xyz", false, "not hex"),
        ("sha256", false, "no ':'"),
        ("sha256:abc\n", false, "no trailing newline (anchored with \\z)"),
    ];

    /// <summary>What ECR stores content under: <c>sha256:</c> and 64 lower-case hex digits.</summary>
    public static readonly (string Value, bool Valid, string Why)[] Sha256Digests =
    [
        ("sha256:" + new string('0', 64), true, "64 lower-case hex digits"),
        ("sha256:" + new string('A', 64), false, "upper-case hex"),
        ("sha256:" + new string('a', 63), false, "63 digits"),
        ("sha512:" + new string('a', 64), false, "another algorithm"),
        ("sha256:../" + new string('a', 61), false, "a path"),
        ("sha256:" + new string('a', 64) + "\n", false, "no trailing newline (anchored with \\z)"),
    ];

    /// <summary>The model's <c>RegistryId</c> pattern <c>[0-9]{12}</c>.</summary>
    public static readonly (string Value, bool Valid, string Why)[] RegistryIds =
    [
        ("123456789012", true, "12 digits"),
        ("000000000000", true, "leading zeros"),
        ("12345678901", false, "11 digits"),
        ("1234567890123", false, "13 digits"),
        ("12345678901a", false, "a letter"),
        ("\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662", false, "non-ASCII digits"),
        ("", false, "empty"),
        ("123456789012\n", false, "no trailing newline (anchored with \\z)"),
    ];

    /// <summary>AWS region codes (shape, not a list: new regions must work without an update).</summary>
    public static readonly (string Value, bool Valid, string Why)[] Regions =
    [
        ("us-east-1", true, "a commercial region"),
        ("us-gov-west-1", true, "GovCloud"),
        ("cn-north-1", true, "China"),
        ("eusc-de-east-1", true, "the European Sovereign Cloud's four-letter prefix"),
        ("ap-southeast-5", true, "a recent region"),
        ("US-EAST-1", false, "lower case only"),
        ("us-east", false, "no number"),
        ("useast1", false, "no dashes"),
        ("us_east_1", false, "'_' instead of '-'"),
        ("", false, "empty"),
        ("us-east-1\n", false, "no trailing newline (anchored with \\z)"),
    ];

    /// <summary>The model's <c>ImageTagMutability</c> enum.</summary>
    public static readonly (string Value, bool Valid, string Why)[] TagMutabilities =
    [
        ("MUTABLE", true, "ECR's default"),
        ("IMMUTABLE", true, "enum value"),
        ("IMMUTABLE_WITH_EXCLUSION", true, "enum value"),
        ("MUTABLE_WITH_EXCLUSION", true, "enum value"),
        ("mutable", false, "enum values are case-sensitive in the API"),
        ("READ_ONLY", false, "not an enum value"),
        ("", false, "empty"),
    ];

    /// <summary>The model's <c>EncryptionType</c> enum.</summary>
    public static readonly (string Value, bool Valid, string Why)[] EncryptionTypes =
    [
        ("AES256", true, "ECR's default"),
        ("KMS", true, "enum value"),
        ("KMS_DSSE", true, "enum value"),
        ("aes256", false, "enum values are case-sensitive in the API"),
        ("KMS-DSSE", false, "'-' instead of '_'"),
        ("SSE", false, "not an enum value"),
        ("", false, "empty"),
    ];

    /// <summary>The model's <c>ImageTagMutabilityExclusionFilterValue</c> pattern <c>^[0-9a-zA-Z._*-]{1,128}$</c>.</summary>
    public static readonly (string Value, bool Valid, string Why)[] ExclusionFilters =
    [
        ("latest", true, "a tag"),
        ("release-*", true, "'*' is the wildcard"),
        ("V1.2_x", true, "letters of either case, digits, '.', '_', '-'"),
        (new string('a', 128), true, "128 characters"),
        ("", false, "at least one character"),
        (new string('a', 129), false, "at most 128 characters"),
        ("a?b", false, "'?' is not a wildcard here"),
        ("a/b", false, "'/' is not allowed"),
        ("latest\n", false, "no trailing newline (anchored with \\z)"),
    ];

    /// <summary>The model's <c>PullThroughCacheRuleRepositoryPrefix</c>: 2-30 characters of the <c>Prefix</c> pattern, or ROOT.</summary>
    public static readonly (string Value, bool Valid, string Why)[] PullThroughCachePrefixes =
    [
        ("docker-hub", true, "the documented example"),
        ("ecr-public/", true, "a trailing '/' is allowed"),
        ("ROOT", true, "the whole registry"),
        ("a__b", true, "the Prefix pattern keeps '__'"),
        ("a--b", true, "the Prefix pattern keeps runs of '-'"),
        ("a", false, "length between 2 and 30"),
        (new string('a', 31), false, "length between 2 and 30"),
        ("Docker", false, "lower case only"),
        ("root", true, "a lower-case prefix that happens to read root"),
        ("/hub", false, "no leading '/'"),
        ("hub\n", false, "no trailing newline (anchored with \\z)"),
    ];

    /// <summary>A table as theory rows of (value, valid, why).</summary>
    public static TheoryData<string, bool, string> Rows((string Value, bool Valid, string Why)[] vectors)
    {
        var rows = new TheoryData<string, bool, string>();
        foreach (var (value, valid, why) in vectors)
        {
            rows.Add(value, valid, why);
        }

        return rows;
    }
}
