using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcrPublish.Testing;

namespace EcrPublish.Tasks.Tests;

/// <summary>
/// <c>src/EcrPublish.Tasks/Contract/settings.json</c>, read with the same rules as its generator
/// (<c>generate_settings.py</c>), so <see cref="SettingsContractTests"/> can hold every generated file against it.
/// </summary>
internal sealed class SettingsTable
{
    private SettingsTable(string root, JsonObject table)
    {
        Root = root;
        Table = table;
    }

    public string Root { get; }

    public JsonObject Table { get; }

    public IEnumerable<JsonObject> Settings => Table["settings"]!.AsArray().Select(node => node!.AsObject());

    public IEnumerable<JsonObject> Parameters => Settings.Where(setting => setting["parameter"] is not null);

    public static SettingsTable Load()
    {
        var path = RepositoryRoot.Combine("src", "EcrPublish.Tasks", "Contract", "settings.json");
        return new SettingsTable(RepositoryRoot.Path, JsonNode.Parse(File.ReadAllText(path))!.AsObject());
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public static string Text(JsonObject node, string name) => (string?)node[name] ?? string.Empty;

    public static IReadOnlyList<string> List(JsonObject node, string name) =>
        node[name] is JsonArray array ? [.. array.Select(item => (string)item!)] : [];

    /// <summary>The SDK names consulted, in order, while the setting is empty.</summary>
    public static IReadOnlyList<string> Fallbacks(JsonObject setting) =>
        [.. List(setting, "fallback"), .. setting["projectDefault"] is { } projectDefault ? [(string)projectDefault!] : Array.Empty<string>()];

    public static string PrivateName(string name) => name.StartsWith("Ecr", StringComparison.Ordinal) ? "_" + name : "_Ecr" + name;

    /// <summary>What the targets hand the task: the table's value, else the resolved private property, else the setting itself.</summary>
    public static string TaskValue(JsonObject setting)
    {
        var parameter = setting["parameter"]!.AsObject();
        var name = Text(setting, "name");
        if (parameter["value"] is { } value)
        {
            return (string)value!;
        }

        if (Fallbacks(setting).Count > 0)
        {
            return $"$({PrivateName(name)})";
        }

        return Text(setting, "kind") == "items" || Text(parameter, "type") == "items" ? $"@({name})" : $"$({name})";
    }

    /// <summary>The task parameter's doc comment: the table's own, else the setting's name, fallbacks, meaning and default.</summary>
    public static string ParameterDoc(JsonObject setting)
    {
        var parameter = setting["parameter"]!.AsObject();
        if (parameter["doc"] is { } doc)
        {
            return (string)doc!;
        }

        var name = $"<c>{Text(setting, "name")}</c>{(Text(setting, "kind") == "items" ? " items" : string.Empty)}"
            + string.Concat(List(setting, "fallback").Select(fallback => $" (else <c>{fallback}</c>)"));
        var defaultValue = Text(setting, "default");
        return $"{name}: {XmlDoc(Text(setting, "doc"))}" + (defaultValue is "" or "—" ? string.Empty : $" Default: {XmlDoc(defaultValue)}.");
    }

    /// <summary>The README row of a setting.</summary>
    public static string ReadmeRow(JsonObject setting)
    {
        var name = Text(setting, "name");
        var cell = Text(setting, "kind") switch
        {
            "items" => $"`{name}` items",
            "environment" => $"`{name}` (environment variable)",
            _ => $"`{name}`",
        };
        return $"| {cell} | {Text(setting, "default")} | {Text(setting, "doc")} |";
    }

    private static string XmlDoc(string markdown) =>
        Regex.Replace(markdown.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal), "`([^`]*)`", "<c>$1</c>");

    /// <summary>The properties the child build is handed, in order: each setting followed by its SDK fallbacks.</summary>
    public IEnumerable<string> ChildProperties() =>
        Settings.Where(setting => (bool?)setting["child"] ?? Text(setting, "kind") == "property")
            .SelectMany(setting => new[] { Text(setting, "name") }.Concat(List(setting, "fallback")));
}
