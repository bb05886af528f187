namespace EcrPublish.Images;

/// <summary>What was built: one image, or several platform images under an index.</summary>
public sealed record ImageBuildResult(IReadOnlyList<BuiltImage> Images, ImageIndex? Index, byte[]? IndexBytes)
{
    /// <summary>The digest the tags point at: the index when there is one, else the single manifest.</summary>
    public string Digest => IndexBytes is null ? Images[0].Digest : ContentDigest.Of(IndexBytes);

    /// <summary>Media type of what the tags point at.</summary>
    public string MediaType => Index?.MediaType ?? Images[0].Manifest.MediaType;

    /// <summary>The bytes the tags point at.</summary>
    public byte[] TopManifestBytes => IndexBytes ?? Images[0].ManifestBytes;
}
