using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EcrPublish.Publishing;
using Microsoft.Build.Framework;
using Xunit;

namespace EcrPublish.Tasks.Tests;

/// <summary>
/// The drift test of the one contract table, <c>src/EcrPublish.Tasks/Contract/settings.json</c>: the task's parameters,
/// the targets' task call, fallbacks and child-build list, the input record and the README's property tables all say
/// what the table says. A failure here means: edit the table, then run <c>python3 src/EcrPublish.Tasks/Contract/generate_settings.py</c>.
/// </summary>
public sealed partial class SettingsContractTests
{
    private const string Build = "src/EcrPublish.Tasks/build/";

    private static readonly SettingsTable Table = SettingsTable.Load();

    [Fact]
    public void The_task_parameters_are_the_tables_with_their_types()
    {
        var properties = typeof(PublishToEcr).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        var parameters = properties.Where(property => property.SetMethod is { IsPublic: true } && property.GetCustomAttribute<OutputAttribute>() is null);

        Assert.Equal(
            Table.Parameters.Select(setting => Describe(setting["parameter"]!.AsObject())).Order(StringComparer.Ordinal),
            parameters.Select(Describe).Order(StringComparer.Ordinal));
        Assert.Equal(
            Table.Table["outputs"]!.AsArray().Select(output => SettingsTable.Text(output!.AsObject(), "name")).Order(StringComparer.Ordinal),
            properties.Where(property => property.GetCustomAttribute<OutputAttribute>() is not null).Select(property => property.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_task_parameter_has_the_tables_doc_comment()
    {
        var source = Table.Read("src/EcrPublish.Tasks/PublishToEcr.Parameters.cs");
        var documented = DocumentedParameter().Matches(source).ToDictionary(match => match.Groups["name"].Value, match => match.Groups["doc"].Value, StringComparer.Ordinal);

        Assert.All(Table.Parameters, setting =>
            Assert.Equal(SettingsTable.ParameterDoc(setting), documented.GetValueOrDefault(SettingsTable.Text(setting["parameter"]!.AsObject(), "name"))));
    }

    [Fact]
    public void The_task_call_hands_each_parameter_the_tables_value()
    {
        var call = Targets("EcrPublish.targets").Descendants().Single(element => element.Name.LocalName == "PublishToEcr");

        Assert.Equal(
            Table.Parameters.Select(setting => $"{SettingsTable.Text(setting["parameter"]!.AsObject(), "name")}={SettingsTable.TaskValue(setting)}"),
            call.Attributes().Select(attribute => $"{attribute.Name}={attribute.Value}"));
    }

    [Fact]
    public void The_child_build_is_handed_every_setting_and_its_SDK_fallbacks()
    {
        var handed = Targets("EcrPublish.DotnetCliChild.targets").Descendants()
            .Where(element => element.Name.LocalName == "_EcrChildProperty" && element.Attribute("Include") is not null)
            .Select(element => element.Attribute("Include")!.Value);

        Assert.Equal(Table.ChildProperties(), handed);
    }

    [Fact]
    public void Fallbacks_are_resolved_in_the_generated_target_and_nowhere_else()
    {
        var resolve = Targets("EcrPublish.ImageDefaults.targets").Descendants().Single(element => element.Name.LocalName == "Target" && element.Attribute("Name")?.Value == "_EcrResolveSettings");
        var expected = Table.Settings.Where(setting => SettingsTable.Fallbacks(setting).Count > 0)
            .SelectMany(setting => new[] { SettingsTable.Text(setting, "name") }.Concat(SettingsTable.Fallbacks(setting))
                .Select(name => $"{SettingsTable.PrivateName(SettingsTable.Text(setting, "name"))}=$({name})"));
        var resolved = resolve.Descendants().Where(element => element.Parent?.Name.LocalName == "PropertyGroup").Select(element => $"{element.Name.LocalName}={element.Value}");
        Assert.Equal(expected, resolved);

        // The child build re-resolves in its own evaluation, so it is handed the raw values; no other place reads a fallback.
        var elsewhere = Directory.GetFiles(Path.Combine(Table.Root, Build), "*.targets").Select(path => XDocument.Load(path))
            .SelectMany(document => document.Descendants())
            .Where(element => element.Name.LocalName != "_EcrChildProperty" && !element.AncestorsAndSelf().Contains(resolve, XNode.EqualityComparer))
            .SelectMany(element => element.Attributes().Select(attribute => attribute.Value).Append(element.HasElements ? string.Empty : element.Value));
        var fallbacks = Table.Settings.SelectMany(SettingsTable.Fallbacks).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(elsewhere.SelectMany(text => PropertyReference().Matches(text)).Select(match => match.Groups["name"].Value).Where(fallbacks.Contains).Distinct());
    }

    [Fact]
    public void The_README_tables_hold_the_rows_of_their_section_in_table_order()
    {
        var readme = Table.Read("README.md");
        foreach (var section in Table.Table["sections"]!.AsArray().Select(node => SettingsTable.Text(node!.AsObject(), "title")))
        {
            var begin = readme.IndexOf($"<!-- BEGIN settings: {section} (", StringComparison.Ordinal);
            var end = readme.IndexOf($"<!-- END settings: {section} -->", StringComparison.Ordinal);
            Assert.True(begin >= 0 && end > begin, $"README: no generated region for '{section}'");

            Assert.Equal(
                Table.Settings.Where(setting => SettingsTable.Text(setting, "section") == section).Select(SettingsTable.ReadmeRow),
                readme[begin..end].Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Every_user_setting_and_fallback_is_named_in_the_README()
    {
        var readme = Table.Read("README.md");
        var names = Table.Settings.Where(setting => SettingsTable.Text(setting, "kind") != "build")
            .SelectMany(setting => new[] { SettingsTable.Text(setting, "name") }.Concat(SettingsTable.List(setting, "fallback")));

        Assert.All(names, name => Assert.Contains($"`{name}", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_member_of_the_input_record_is_fed_by_the_table()
    {
        var inputs = Table.Table["inputs"]!.AsObject();
        var nested = inputs["nested"]!.AsObject();
        var members = InitProperties(typeof(EcrPublishInputs)).Where(name => !nested.ContainsKey(name))
            .Concat(InitProperties(typeof(ContainerSettings)).Select(name => "Container." + name))
            .Concat(typeof(ProjectFacts).GetConstructors().Single().GetParameters().Select(parameter => $"Project#{parameter.Position}"));
        var fed = Table.Parameters.SelectMany(setting => setting["parameter"]!["into"] is JsonArray into
                ? into.Select(path => (string)path!)
                : [SettingsTable.Text(setting["parameter"]!.AsObject(), "name")])
            .Concat(inputs["filledByValidator"]!.AsObject().Select(entry => entry.Key));

        Assert.Equal(members.Order(StringComparer.Ordinal), fed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("src/EcrPublish.Tasks/PublishToEcr.Parameters.cs")]
    [InlineData("src/EcrPublish.Tasks/PublishToEcr.Inputs.cs")]
    public void Generated_files_say_so_and_where_to_edit(string path)
    {
        Assert.StartsWith("// Generated by src/EcrPublish.Tasks/Contract/generate_settings.py — edit src/EcrPublish.Tasks/Contract/settings.json", Table.Read(path), StringComparison.Ordinal);
    }

    private static string Describe(JsonObject parameter) =>
        $"{SettingsTable.Text(parameter, "name")}:{SettingsTable.Text(parameter, "type")}{((bool?)parameter["required"] == true ? ":required" : string.Empty)}";

    private static string Describe(PropertyInfo property)
    {
        var type = property.PropertyType == typeof(bool) ? "bool" : property.PropertyType == typeof(ITaskItem[]) ? "items" : "string";
        return $"{property.Name}:{type}{(property.GetCustomAttribute<RequiredAttribute>() is null ? string.Empty : ":required")}";
    }

    private static IEnumerable<string> InitProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.SetMethod is { IsPublic: true }).Select(property => property.Name);

    private static XDocument Targets(string file) => XDocument.Load(Path.Combine(Table.Root, Build, file));

    [GeneratedRegex(@"\$\((?<name>[A-Za-z]+)\)")]
    private static partial Regex PropertyReference();

    // A summary line, any attribute lines, then the property: the doc each parameter carries.
    [GeneratedRegex(@"/// <summary>(?<doc>.*)</summary>\s*(?:\[\w+\]\s*)*public [^ ]+ (?<name>\w+) \{ get;")]
    private static partial Regex DocumentedParameter();
}
