using System.Text;
using System.Text.Json.Nodes;

namespace EcrPublish.LocalEcr.Tests.BadInput;

/// <summary>
/// Bad requests for every registry route: malformed, overlong, non-ASCII and newline-ended repository names, tags and
/// digests in the path; bad query values; bad Content-Range headers; manifests with wrongly typed, fractional, huge
/// and negative values. Built around the corpus server's seeded repository, image and an open upload session.
/// </summary>
internal static class RegistryCorpus
{
    private const string Repository = CorpusServer.Repository;

    public static IReadOnlyList<RegistryRequest> For(string imageDigest, string manifest, string uploadLocation, int maxManifestBytes)
    {
        var requests = new List<RegistryRequest>();
        // (A NUL in the path is refused by Kestrel itself, with an empty 400, before LocalEcr sees the request.)
        var names = new[] { "UPPER/app", "corpus/app%0A", "c", new string('a', 257), "corpus/ap%C3%A9", "corpus//app", "-corpus/app", "corpus/app%09" };
        foreach (var name in names)
        {
            requests.Add(new($"GET manifest of repository '{name}'", HttpMethod.Get, $"/v2/{name}/manifests/v1"));
            requests.Add(new($"HEAD manifest of repository '{name}'", HttpMethod.Head, $"/v2/{name}/manifests/v1"));
            requests.Add(new($"PUT manifest into repository '{name}'", HttpMethod.Put, $"/v2/{name}/manifests/v9", Encoding.UTF8.GetBytes(manifest), ManifestType));
            requests.Add(new($"DELETE manifest of repository '{name}'", HttpMethod.Delete, $"/v2/{name}/manifests/{imageDigest}"));
            requests.Add(new($"GET tags of repository '{name}'", HttpMethod.Get, $"/v2/{name}/tags/list"));
            requests.Add(new($"GET blob of repository '{name}'", HttpMethod.Get, $"/v2/{name}/blobs/{imageDigest}"));
            requests.Add(new($"POST upload into repository '{name}'", HttpMethod.Post, $"/v2/{name}/blobs/uploads/"));
            requests.Add(new($"GET referrers in repository '{name}'", HttpMethod.Get, $"/v2/{name}/referrers/{imageDigest}"));
        }

        var references = new[] { "v1%0A", "v1%20", "%C3%A9", new string('a', 129), ".v1", "sha256:abc", imageDigest + "%0A", "sha512:" + new string('a', 128), "sha256:" + new string('A', 64) };
        foreach (var reference in references)
        {
            requests.Add(new($"GET manifest '{Short(reference)}'", HttpMethod.Get, $"/v2/{Repository}/manifests/{reference}"));
            requests.Add(new($"HEAD manifest '{Short(reference)}'", HttpMethod.Head, $"/v2/{Repository}/manifests/{reference}"));
            requests.Add(new($"DELETE manifest '{Short(reference)}'", HttpMethod.Delete, $"/v2/{Repository}/manifests/{reference}"));
            requests.Add(new($"PUT manifest as '{Short(reference)}'", HttpMethod.Put, $"/v2/{Repository}/manifests/{reference}", Encoding.UTF8.GetBytes(manifest), ManifestType));
        }

        var digests = new[] { "sha256:abc", imageDigest + "%0A", "sha256:" + new string('A', 64), "md5:" + new string('a', 32), "sha256:" + new string('g', 64), "%2E%2E" };
        foreach (var digest in digests)
        {
            requests.Add(new($"GET blob '{Short(digest)}'", HttpMethod.Get, $"/v2/{Repository}/blobs/{digest}"));
            requests.Add(new($"HEAD blob '{Short(digest)}'", HttpMethod.Head, $"/v2/{Repository}/blobs/{digest}"));
            requests.Add(new($"DELETE blob '{Short(digest)}'", HttpMethod.Delete, $"/v2/{Repository}/blobs/{digest}"));
            requests.Add(new($"GET referrers of '{Short(digest)}'", HttpMethod.Get, $"/v2/{Repository}/referrers/{digest}"));
            requests.Add(new($"POST monolithic upload with digest '{Short(digest)}'", HttpMethod.Post, $"/v2/{Repository}/blobs/uploads/?digest={digest}", [1, 2, 3]));
            requests.Add(new($"POST mount of '{Short(digest)}'", HttpMethod.Post, $"/v2/{Repository}/blobs/uploads/?mount={digest}&from=corpus/other"));
            requests.Add(new($"PUT upload with digest '{Short(digest)}'", HttpMethod.Put, $"{uploadLocation}?digest={digest}"));
        }

        foreach (var n in new[] { "-1", "1.5", "1e99", "abc", "99999999999999999999", "1001" })
        {
            requests.Add(new($"GET tags with n={n}", HttpMethod.Get, $"/v2/{Repository}/tags/list?n={n}"));
        }

        foreach (var range in new[] { "-1-5", "5-1", "0-1.5", "a-b", "0-99999999999999999999", "1-3", "0--3", "0-" })
        {
            requests.Add(new($"PATCH with Content-Range '{range}'", HttpMethod.Patch, uploadLocation, [1, 2, 3], "application/octet-stream", range));
        }

        foreach (var session in new[] { "not-a-session", "00000000-0000-0000-0000-000000000000", "%0A", new string('a', 300) })
        {
            requests.Add(new($"PATCH unknown session '{Short(session)}'", HttpMethod.Patch, $"/v2/{Repository}/blobs/uploads/{session}", [1]));
            requests.Add(new($"GET unknown session '{Short(session)}'", HttpMethod.Get, $"/v2/{Repository}/blobs/uploads/{session}"));
            requests.Add(new($"DELETE unknown session '{Short(session)}'", HttpMethod.Delete, $"/v2/{Repository}/blobs/uploads/{session}"));
        }

        foreach (var (what, body) in BadManifests(JsonNode.Parse(manifest)!.AsObject(), maxManifestBytes))
        {
            requests.Add(new($"PUT manifest with {what}", HttpMethod.Put, $"/v2/{Repository}/manifests/bad", body, ManifestType));
        }

        requests.Add(new("an unknown API path", HttpMethod.Get, $"/v2/{Repository}/nothing/here"));
        requests.Add(new("POST to a manifest", HttpMethod.Post, $"/v2/{Repository}/manifests/v1"));
        return requests;
    }

    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";

    private static IEnumerable<(string What, byte[] Body)> BadManifests(JsonObject valid, int maxManifestBytes)
    {
        foreach (var raw in new[] { "{", "[]", "null", "42", "\"text\"", "{\"schemaVersion\":2}", string.Empty, "\u00e9" })
        {
            yield return ($"body '{raw}'", Encoding.UTF8.GetBytes(raw));
        }

        var replacements = new (string What, string Path, string Raw)[]
        {
            ("schemaVersion \"2\"", "schemaVersion", "\"2\""),
            ("schemaVersion 2.5", "schemaVersion", "2.5"),
            ("schemaVersion 1e99", "schemaVersion", "1e99"),
            ("schemaVersion -2", "schemaVersion", "-2"),
            ("mediaType 42", "mediaType", "42"),
            ("mediaType with a trailing newline", "mediaType", "\"application/vnd.oci.image.manifest.v1+json\\n\""),
            ("config \"x\"", "config", "\"x\""),
            ("config size \"1\"", "config.size", "\"1\""),
            ("config size -1", "config.size", "-1"),
            ("config size 1.5", "config.size", "1.5"),
            ("config size 1e99", "config.size", "1e99"),
            ("config digest with a trailing newline", "config.digest", "\"DIGEST\\n\""),
            ("layers {}", "layers", "{}"),
            ("layers [1]", "layers", "[1]"),
            ("layer size -5", "layers.size", "-5"),
            ("layer size 9223372036854775807 (sum overflows)", "layers.size", "9223372036854775807"),
            ("layer digest 42", "layers.digest", "42"),
            ("subject \"x\"", "subject", "\"x\""),
        };
        foreach (var (what, path, raw) in replacements)
        {
            var copy = valid.DeepClone().AsObject();
            var parts = path.Split('.');
            JsonObject target = parts.Length == 1 ? copy : parts[0] == "layers" ? copy["layers"]![0]!.AsObject() : copy[parts[0]]!.AsObject();
            var key = parts[^1];
            var original = target[key]?.ToJsonString() ?? "null";
            target[key] = "__RAW__";
            var text = copy.ToJsonString().Replace("\"__RAW__\"", raw.Replace("DIGEST", original.Trim('"'), StringComparison.Ordinal), StringComparison.Ordinal);
            yield return (what, Encoding.UTF8.GetBytes(text));
        }

        yield return ($"more than {maxManifestBytes} bytes", Encoding.UTF8.GetBytes(valid.ToJsonString()[..^1] + ",\"annotations\":{\"pad\":\"" + new string('a', maxManifestBytes) + "\"}}"));
    }

    private static string Short(string text) => text.Length > 40 ? text[..20] + "…(" + text.Length + ")" : text;
}
