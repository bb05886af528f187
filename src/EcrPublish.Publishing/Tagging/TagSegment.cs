namespace EcrPublish.Tagging;

/// <summary>A piece of a rendered tag: literal text (no token) or the value a token produced.</summary>
internal sealed record TagSegment(string Text, string? Token);
