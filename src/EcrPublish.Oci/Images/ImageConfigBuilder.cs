using System.Globalization;
using System.Text.Json.Nodes;

namespace EcrPublish.Images;

/// <summary>Writes the new image config from the base config: platform, process settings, labels, history and diff_ids.</summary>
public static class ImageConfigBuilder
{
    public static byte[] Build(
        BaseImage baseImage,
        Platform platform,
        LayerPlan plan,
        IReadOnlyList<BuiltLayer> layers,
        ImageOptions options,
        DateTimeOffset timestamp)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(baseImage.ConfigJson)?.AsObject() ?? throw new FormatException("empty config");
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            throw new ImageBuildException(ImageErrorCodes.BaseImageInvalid,
                $"The config of base image '{baseImage.Reference}' is not valid JSON. Use another base image.", exception);
        }

        var created = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        root["created"] = created;
        root["architecture"] = platform.Architecture;
        root["os"] = platform.Os;
        if (platform.Variant is null)
        {
            root.Remove("variant");
        }
        else
        {
            root["variant"] = platform.Variant;
        }

        // Docker's legacy build-time fields describe the base image's build, not ours.
        root.Remove("container");
        root.Remove("container_config");
        root.Remove("docker_version");

        var config = root["config"] as JsonObject ?? new JsonObject();
        root["config"] = config;
        config["WorkingDir"] = options.WorkingDirectory;
        var entrypoint = options.Entrypoint ?? DefaultEntrypoint(plan, options);
        config["Entrypoint"] = Array(entrypoint);
        if (options.Cmd is { Count: > 0 } cmd)
        {
            config["Cmd"] = Array(cmd);
        }
        else
        {
            config.Remove("Cmd");
        }

        if (options.User is not null)
        {
            config["User"] = options.User;
        }

        config["Env"] = Array(MergeEnvironment(config["Env"] as JsonArray, options.Environment));
        if (options.Ports.Count > 0)
        {
            var ports = config["ExposedPorts"] as JsonObject ?? new JsonObject();
            foreach (var port in options.Ports.Select(NormalizePort).Order(StringComparer.Ordinal))
            {
                ports[port] = new JsonObject();
            }

            config["ExposedPorts"] = ports;
        }

        var labels = config["Labels"] as JsonObject ?? new JsonObject();
        foreach (var (key, value) in Labels(baseImage, options, created))
        {
            labels[key] = value;
        }

        config["Labels"] = SortedObject(labels);

        var rootfs = root["rootfs"] as JsonObject ?? new JsonObject { ["type"] = "layers" };
        root["rootfs"] = rootfs;
        var diffIds = rootfs["diff_ids"] as JsonArray ?? new JsonArray();
        rootfs["diff_ids"] = diffIds;
        var history = root["history"] as JsonArray ?? new JsonArray();
        root["history"] = history;
        foreach (var layer in layers)
        {
            diffIds.Add(layer.DiffId);
            history.Add(new JsonObject
            {
                ["created"] = created,
                ["created_by"] = $"EcrPublish: {layer.Name} layer",
            });
        }

        return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString(ImageJson.SerializerOptions));
    }

    /// <summary>framework-dependent: dotnet App.dll; self-contained (or UseAppHost): the apphost.</summary>
    public static IReadOnlyList<string> DefaultEntrypoint(LayerPlan plan, ImageOptions options)
    {
        if (plan.SelfContained || options.UseAppHost)
        {
            if (!plan.HasAppHost)
            {
                throw new ImageBuildException(ImageErrorCodes.EntrypointUnknown,
                    $"'{plan.AppName}' has no apphost in the publish folder. Publish with UseAppHost=true or set the entrypoint (ContainerAppCommand).");
            }

            return [LayerPlanner.CombineContainerPath(options.WorkingDirectory, plan.AppName)];
        }

        return ["dotnet", plan.AppName + ".dll"];
    }

    private static IEnumerable<KeyValuePair<string, string>> Labels(BaseImage baseImage, ImageOptions options, string created) =>
        AutomaticLabels(baseImage, options, created).Where(label => !options.OmittedLabels.Contains(label.Key))
            .Concat(options.Labels.OrderBy(pair => pair.Key, StringComparer.Ordinal));

    private static IEnumerable<KeyValuePair<string, string>> AutomaticLabels(BaseImage baseImage, ImageOptions options, string created)
    {
        yield return new("org.opencontainers.image.created", created);
        if (options.Version is not null)
        {
            yield return new("org.opencontainers.image.version", options.Version);
        }

        if (options.Revision is not null)
        {
            yield return new("org.opencontainers.image.revision", options.Revision);
        }

        if (options.SourceUrl is not null)
        {
            yield return new("org.opencontainers.image.source", options.SourceUrl);
        }

        if (baseImage.Reference is not null)
        {
            yield return new("org.opencontainers.image.base.name", baseImage.Reference.ToString());
        }

        if (baseImage.ManifestDigest is not null)
        {
            yield return new("org.opencontainers.image.base.digest", baseImage.ManifestDigest);
        }
    }

    private static List<string> MergeEnvironment(JsonArray? baseEnvironment, IReadOnlyDictionary<string, string> environment)
    {
        var merged = new List<string>();
        var overridden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in baseEnvironment?.Select(node => node?.GetValue<string>() ?? "") ?? [])
        {
            var name = entry.Split('=', 2)[0];
            if (environment.TryGetValue(name, out var value))
            {
                merged.Add($"{name}={value}");
                overridden.Add(name);
            }
            else
            {
                merged.Add(entry);
            }
        }

        merged.AddRange(environment
            .Where(pair => !overridden.Contains(pair.Key))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key}={pair.Value}"));
        return merged;
    }

    private static string NormalizePort(string port)
    {
        var parts = port.Trim().ToLowerInvariant().Split('/');
        if (!ushort.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number == 0 ||
            parts.Length > 2 || (parts.Length == 2 && parts[1] is not ("tcp" or "udp")))
        {
            throw new ImageBuildException(ImageErrorCodes.InvalidOption,
                $"'{port}' is not a port. Use a number 1-65535, optionally with /tcp or /udp (e.g. 8080/tcp).");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{number}/{(parts.Length == 2 ? parts[1] : "tcp")}");
    }

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());

    private static JsonObject SortedObject(JsonObject source)
    {
        var pairs = source.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (pair.Key, pair.Value?.DeepClone())).ToList();
        var result = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            result[key] = value;
        }

        return result;
    }
}
