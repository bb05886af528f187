using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Storage;
using EcrPublish.LocalEcr.Validation;
using Microsoft.AspNetCore.Http;

namespace EcrPublish.LocalEcr.Registry;

/// <summary>GET <c>/v2/&lt;name&gt;/referrers/&lt;digest&gt;[?artifactType=]</c>: an OCI index of the manifests whose <c>subject</c> is the digest.</summary>
internal sealed class ReferrersHandler(LocalEcrOptions options, RepositoryStore repositories)
{
    public async Task HandleAsync(HttpContext context, string name, string digest)
    {
        if (!DigestRule.IsValid(digest))
        {
            await RegistryErrors.DigestInvalidAsync(context, digest);
            return;
        }

        var artifactType = context.Request.Query["artifactType"].ToString();
        var manifests = new JsonArray();
        using (var handle = await repositories.LockAsync(name, context.RequestAborted))
        {
            if (handle.Record is null)
            {
                await RegistryErrors.NameUnknownAsync(context, name, options.AccountId);
                return;
            }

            foreach (var (image, type) in ReferrerQuery.Of(handle.Record, digest))
            {
                if (artifactType.Length > 0 && !string.Equals(type, artifactType, StringComparison.Ordinal))
                {
                    continue;
                }

                var descriptor = new JsonObject
                {
                    ["mediaType"] = image.ManifestMediaType,
                    ["digest"] = image.Digest,
                    ["size"] = image.ManifestSize,
                };
                if (type is not null)
                {
                    descriptor["artifactType"] = type;
                }

                if (image.Annotations is { Count: > 0 })
                {
                    descriptor["annotations"] = new JsonObject(image.Annotations.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)JsonValue.Create(pair.Value))));
                }

                manifests.Add(descriptor);
            }
        }

        if (artifactType.Length > 0)
        {
            context.Response.Headers["OCI-Filters-Applied"] = "artifactType";
        }

        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ManifestMediaTypes.OciIndex,
            ["manifests"] = manifests,
        };
        context.Response.ContentType = ManifestMediaTypes.OciIndex;
        await context.Response.Body.WriteAsync(JsonOutput.ToUtf8Bytes(index), context.RequestAborted);
    }
}
