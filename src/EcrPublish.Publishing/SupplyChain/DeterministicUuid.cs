using System.Security.Cryptography;
using System.Text;

namespace EcrPublish.SupplyChain;

/// <summary>Name-based UUIDs (RFC 9562 version 5, SHA-1): the same name always gives the same UUID.</summary>
public static class DeterministicUuid
{
    /// <summary>The namespace of EcrPublish's documents: UUIDv5 of the URL namespace and the project URL.</summary>
    public static Guid EcrPublishNamespace { get; } = Create(new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://github.com/ecrpublish/ecrpublish");

    public static Guid Create(Guid namespaceId, string name)
    {
        var namespaceBytes = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        // RFC 9562 defines version 5 with SHA-1; it names documents, it protects nothing.
#pragma warning disable CA5350
        var hash = SHA1.HashData([.. namespaceBytes, .. nameBytes]);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>A UUID for one document about one image: derived from the image digests, the format and the tool version.</summary>
    public static Guid ForDocument(SbomImage image, string format, string toolVersion) =>
        Create(EcrPublishNamespace, $"{format}\n{image.ManifestDigest}\n{image.ConfigDigest}\n{toolVersion}");
}
