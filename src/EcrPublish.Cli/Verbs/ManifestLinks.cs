using System.Text.Json;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// What a manifest says about other images of its repository: the manifests an index lists (<c>manifests[].digest</c>)
/// and the image an OCI referrer (signature, SBOM, attestation) is about (<c>subject.digest</c>).
/// </summary>
internal sealed record ManifestLinks(IReadOnlyList<string> Children, string? Subject)
{
    public static readonly ManifestLinks None = new([], null);

    public static ManifestLinks Parse(string manifest)
    {
        try
        {
            using var document = JsonDocument.Parse(manifest);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return None;
            }

            var children = root.TryGetProperty("manifests", out var manifests) && manifests.ValueKind == JsonValueKind.Array
                ? manifests.EnumerateArray().Select(DigestOf).OfType<string>().ToList()
                : [];
            var subject = root.TryGetProperty("subject", out var subjectElement) ? DigestOf(subjectElement) : null;
            return new ManifestLinks(children, subject);
        }
        catch (JsonException)
        {
            return None;
        }
    }

    private static string? DigestOf(JsonElement descriptor) =>
        descriptor.ValueKind == JsonValueKind.Object && descriptor.TryGetProperty("digest", out var digest) && digest.ValueKind == JsonValueKind.String
            ? digest.GetString()
            : null;
}
