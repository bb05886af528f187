using System.Text.Json.Nodes;
using DevLab.JmesPath;
using DevLab.JmesPath.Expressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EcrPublish.Cli.Output;

/// <summary>A compiled <c>--query</c> (JMESPath through JmesPath.Net), applied to shaped responses.</summary>
internal sealed class JmesPathQuery
{
    private readonly JmesPathExpression _expression;

    private JmesPathQuery(string text, JmesPathExpression expression)
    {
        Text = text;
        _expression = expression;
    }

    public string Text { get; }

    /// <summary>Compiles the expression; a syntax error becomes <see cref="FormatException"/> with the parser's reason.</summary>
    public static JmesPathQuery Compile(string text)
    {
        try
        {
            return new JmesPathQuery(text, new JmesPath().Parse(JmesPathLegacyLiterals.Rewrite(text)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FormatException(e.Message, e);
        }
    }

    public JsonNode? Search(JsonNode? data)
    {
        var token = ToToken(data);
        var result = _expression.Transform(token).AsJToken();
        if (result is null || result.Type == JTokenType.Null)
        {
            return null;
        }

        return JsonNode.Parse(result.ToString(Formatting.None));
    }

    private static JToken ToToken(JsonNode? data)
    {
        // Dates stay strings (the AWS CLI queries the ISO text), numbers keep their integer/float nature.
        using var reader = new JsonTextReader(new StringReader(data?.ToJsonString() ?? "null"))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
        };
        return JToken.ReadFrom(reader);
    }
}
