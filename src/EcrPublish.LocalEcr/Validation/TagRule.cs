using EcrPublish.EcrRules;

namespace EcrPublish.LocalEcr.Validation;

/// <summary>Image tags as the registry API accepts them: <see cref="EcrImageTag"/>'s rule.</summary>
internal static class TagRule
{
    public static bool IsValid(string? tag) => EcrImageTag.IsValid(tag);

    /// <summary>PutImage takes tags up to 300 characters, but of the same characters: no space, no control character.</summary>
    public static bool IsValidPutImageTag(string tag) => EcrImageTag.IsValidPutImageTag(tag);
}
