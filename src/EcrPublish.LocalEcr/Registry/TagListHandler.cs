using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Storage;
using Microsoft.AspNetCore.Http;

namespace EcrPublish.LocalEcr.Registry;

/// <summary>GET <c>/v2/&lt;name&gt;/tags/list[?n=&amp;last=]</c>: tags in lexical order, paged with a <c>Link</c> header (n at most 1000, as on ECR).</summary>
internal sealed class TagListHandler(LocalEcrOptions options, RepositoryStore repositories)
{
    public async Task HandleAsync(HttpContext context, string name)
    {
        var query = context.Request.Query;
        int? limit = null;
        if (query.ContainsKey("n"))
        {
            if (!int.TryParse(query["n"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 0 || n > 1000)
            {
                await RegistryErrors.WriteAsync(context, 400, "PAGINATION_NUMBER_INVALID", "n must be between 0 and 1000");
                return;
            }

            limit = n;
        }

        var last = query["last"].ToString();
        List<string> tags;
        using (var handle = await repositories.LockAsync(name, context.RequestAborted))
        {
            if (handle.Record is null)
            {
                await RegistryErrors.NameUnknownAsync(context, name, options.AccountId);
                return;
            }

            tags = handle.Record.ImageTags.Keys.Where(tag => string.CompareOrdinal(tag, last) > 0).Order(StringComparer.Ordinal).ToList();
        }

        if (limit is { } size && tags.Count > size)
        {
            tags = tags.Take(size).ToList();
            if (tags.Count > 0)
            {
                context.Response.Headers.Link = $"</v2/{name}/tags/list?n={size}&last={Uri.EscapeDataString(tags[^1])}>; rel=\"next\"";
            }
        }

        var body = new JsonObject
        {
            ["name"] = name,
            ["tags"] = new JsonArray(tags.Select(tag => (JsonNode)JsonValue.Create(tag)).ToArray()),
        };
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(JsonOutput.ToUtf8Bytes(body), context.RequestAborted);
    }
}
