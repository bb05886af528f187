namespace EcrPublish.Validation;

/// <summary>The AWS resource-tag limits that apply to <c>EcrRepositoryTag</c> items.</summary>
public static class RepositoryTagRules
{
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;

    /// <summary>Returns null when the key/value pair is a valid AWS resource tag, else why not.</summary>
    public static string? Explain(string key, string value)
    {
        if (key.Length is 0 or > MaxKeyLength)
        {
            return $"the key must be 1 to {MaxKeyLength} characters long";
        }

        if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            return "keys starting with 'aws:' are reserved by AWS";
        }

        return value.Length > MaxValueLength ? $"the value must be at most {MaxValueLength} characters long" : null;
    }
}
