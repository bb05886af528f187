using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.Publishing;

/// <summary>Writes the JSON result file (<c>EcrResultFile</c>) that scripts and the CLI read after a publish.</summary>
public static class PublishResultFile
{
    public static void Write(string path, EcrPublishResult result)
    {
        var images = new JsonArray();
        foreach (var image in result.Images)
        {
            var counts = new JsonObject();
            foreach (var (severity, count) in image.FindingCounts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                counts[severity] = count;
            }

            images.Add(new JsonObject
            {
                ["destination"] = image.Destination,
                ["repositoryUri"] = image.RepositoryUri,
                ["digest"] = image.Digest,
                ["image"] = $"{image.RepositoryUri}@{image.Digest}",
                ["tags"] = new JsonArray([.. image.Tags.Select(tag => (JsonNode?)tag)]),
                ["scanStatus"] = image.ScanStatus,
                ["findingSeverityCounts"] = counts,
                ["signingStatus"] = image.Signing?.Status,
                ["signatures"] = new JsonArray([.. (image.Signing?.SignatureDigests ?? []).Select(digest => (JsonNode?)digest)]),
                ["sbomFile"] = image.SbomFile,
                ["sarifFile"] = image.SarifFile,
                ["referrers"] = new JsonArray([.. image.Referrers.Select(referrer => (JsonNode?)new JsonObject
                {
                    ["artifactType"] = referrer.ArtifactType,
                    ["digest"] = referrer.Digest,
                    ["subject"] = referrer.SubjectDigest,
                })]),
            });
        }

        var document = new JsonObject { ["images"] = images };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
