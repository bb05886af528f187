using Microsoft.Build.Framework;

namespace EcrPublish.Tasks.Tests.Targets;

/// <summary>What one task run received: each parameter's items (a scalar parameter is one item), as MSBuild logged them.</summary>
internal sealed class TaskInputs(IReadOnlyDictionary<string, List<TaskInputs.ItemValue>> parameters)
{
    public IReadOnlyCollection<string> Names => [.. parameters.Keys];

    /// <summary>The value of a scalar parameter; null when the targets left it empty.</summary>
    public string? this[string parameter] => parameters.TryGetValue(parameter, out var items) ? Assert.Single(items).Spec : null;

    /// <summary>The items of an item parameter; empty when the targets passed none.</summary>
    public IReadOnlyList<ItemValue> Items(string parameter) => parameters.TryGetValue(parameter, out var items) ? items : [];

    public static ItemValue FromLogged(object logged) => logged switch
    {
        ITaskItem item => new ItemValue(item.ItemSpec, CustomMetadata(item.CloneCustomMetadata())),
        _ => new ItemValue(Convert.ToString(logged, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, new Dictionary<string, string>(StringComparer.Ordinal)),
    };

    private static Dictionary<string, string> CustomMetadata(System.Collections.IDictionary metadata) =>
        metadata.Keys.Cast<string>().ToDictionary(name => name, name => metadata[name] as string ?? string.Empty, StringComparer.Ordinal);

    /// <summary>One item of a task input: its spec and custom metadata.</summary>
    internal sealed record ItemValue(string Spec, IReadOnlyDictionary<string, string> Metadata)
    {
        public string Metadatum(string name) => Metadata.TryGetValue(name, out var value) ? value : string.Empty;
    }
}
