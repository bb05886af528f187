namespace EcrPublish.Registry;

/// <summary>A manifest or index as the registry stored it.</summary>
public sealed record RemoteManifest(string MediaType, byte[] Content, string Digest);
