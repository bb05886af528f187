namespace EcrPublish.LocalEcr.Storage;

/// <summary>A repository's resource tag (TagResource / CreateRepository <c>tags</c>).</summary>
internal sealed record ResourceTag(string Key, string Value);
