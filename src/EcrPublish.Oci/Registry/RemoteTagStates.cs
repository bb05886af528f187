namespace EcrPublish.Registry;

/// <summary>What a repository holds for one push: where each tag points, and whether the image itself is there.</summary>
/// <param name="Tags">Per tag the manifest it points at, or null when the tag does not exist.</param>
/// <param name="ImagePresent">
/// The repository holds the image's manifest (a tag points at it, or it answered for its digest): a registry accepts a
/// manifest only with every blob (and every child manifest of an index) it references, so nothing needs to be uploaded.
/// </param>
public sealed record RemoteTagStates(IReadOnlyDictionary<string, RemoteManifest?> Tags, bool ImagePresent);
