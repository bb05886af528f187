namespace EcrPublish.Images;

/// <summary>One runtime identifier to build an image for, and the folder <c>dotnet publish</c> wrote for it.</summary>
public sealed record PlatformPublish(string RuntimeIdentifier, string PublishDirectory);
