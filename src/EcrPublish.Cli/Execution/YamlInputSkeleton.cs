using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EcrPublish.Cli.Output;
using EcrPublish.Cli.ServiceModel;
using YamlDotNet.Core;

namespace EcrPublish.Cli.Execution;

/// <summary>
/// <c>--generate-cli-skeleton yaml-input</c> as AWS CLI v2 prints it (ruamel.yaml round trip): the input skeleton in
/// block style with each member's first sentence of documentation, <c>[REQUIRED]</c> and its enum values as an end of
/// line comment. ruamel puts two spaces before the first comment of each mapping and one before the others.
/// </summary>
internal static partial class YamlInputSkeleton
{
    public static string Write(OperationModel operation)
    {
        if (operation.Input is not { } input || input.Members.Count == 0)
        {
            return "{}\n";
        }

        var text = new StringBuilder();
        WriteMembers(text, input, [input.Name], indent: "", firstLinePrefix: "");
        return text.ToString();
    }

    // The members of a structure, keys at indent; the first key goes after firstLinePrefix (indent, or a list item's "- ").
    private static void WriteMembers(StringBuilder text, ShapeModel structure, List<string> stack, string indent, string firstLinePrefix)
    {
        var first = true;
        foreach (var member in structure.Members)
        {
            var comment = Comment(member, structure.Required.Contains(member.Name));
            var shape = member.Shape;
            text.Append(first ? firstLinePrefix : indent).Append(member.Name).Append(':');
            var nested = shape.Type is "list" or "map" || (shape.Type == "structure" && shape.Members.Count > 0 && !stack.Contains(shape.Name));
            if (!nested)
            {
                text.Append(' ').Append(shape.IsScalar ? Scalar(shape) : "{}");
            }

            text.Append(comment.Length == 0 ? "" : first ? "  # " + comment : " # " + comment).Append('\n');
            if (nested)
            {
                WriteCollection(text, shape, [.. stack, shape.Name], indent);
            }

            first = false;
        }
    }

    // A collection under its key at keyIndent: a structure's or map's keys two further in, a list's items at keyIndent.
    private static void WriteCollection(StringBuilder text, ShapeModel shape, List<string> stack, string keyIndent)
    {
        switch (shape.Type)
        {
            case "structure":
                WriteMembers(text, shape, stack, keyIndent + "  ", keyIndent + "  ");
                break;
            case "map":
                text.Append(keyIndent).Append("  KeyName: ").Append(shape.MapValue.IsScalar ? Scalar(shape.MapValue) : "{}").Append('\n');
                break;
            case "list" when shape.ListMember is { Type: "structure" } item && item.Members.Count > 0 && !stack.Contains(item.Name):
                WriteMembers(text, item, [.. stack, item.Name], keyIndent + "  ", keyIndent + "- ");
                break;
            default:
                text.Append(keyIndent).Append("- ").Append(shape.ListMember.IsScalar ? Scalar(shape.ListMember) : "{}").Append('\n');
                break;
        }
    }

    private static string Scalar(ShapeModel shape) => shape.Type switch
    {
        "string" => Quoted(shape.EnumValues.Count > 0 ? shape.EnumValues[0] : ""),
        "integer" or "long" => "0",
        "float" or "double" => "0.0",
        "boolean" => "true",
        "timestamp" => "1970-01-01 00:00:00",
        _ => "!!binary ''",
    };

    private static string Quoted(string value) => YamlScalarStyleChooser.Choose(value, isKey: false) switch
    {
        ScalarStyle.Plain => value,
        ScalarStyle.SingleQuoted => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'",
        _ => PythonJsonWriter.Write(value),
    };

    // awscli's get_shape_doc_overview: the documentation without markup, up to the first '.' or ':', on one line.
    private static string Comment(MemberModel member, bool required)
    {
        var documentation = member.Documentation.Length > 0 ? member.Documentation : member.Shape.Documentation;
        var plain = WebUtility.HtmlDecode(Tag().Replace(documentation, ""));
        var sentence = SentenceEnd().Split(plain, 2)[0];
        sentence = (sentence.Length > 0 ? sentence + "." : "").Replace('\n', ' ').Replace('\u2028', ' ');
        var parts = new List<string>();
        if (required)
        {
            parts.Add("[REQUIRED]");
        }

        parts.Add(sentence);
        if (member.Shape.EnumValues.Count > 0)
        {
            parts.Add("Valid values are: " + string.Join(", ", member.Shape.EnumValues) + ".");
        }

        var comment = string.Join(' ', parts);
        return string.IsNullOrWhiteSpace(comment) ? "" : comment;
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("[.:]+")]
    private static partial Regex SentenceEnd();
}
