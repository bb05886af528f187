using System.Text.Json.Nodes;
using EcrPublish.Cli.Output;
using Xunit;

namespace EcrPublish.Cli.Tests;

/// <summary>
/// <c>--output yaml</c> and <c>yaml-stream</c>; every expected text was printed by AWS CLI v2.9 for the same JSON
/// (<c>aws ecr describe-registry --query '`JSON`' --output yaml</c>). The integration suite compares live.
/// </summary>
public sealed class YamlOutputFormatterTests
{
    [Fact]
    public void Keys_are_sorted_sequences_sit_under_their_key_and_empty_collections_are_flow()
    {
        var yaml = YamlOutputFormatter.Format(JsonNode.Parse("""{"u":[[1,2],{"x":[]}],"b":{},"a":[1,2.5,1e20,0.00001,-0.0],"e":null,"f":true}"""));

        Assert.Equal("a:\n- 1\n- 2.5\n- 1e+20\n- 1e-05\n- -0.0\nb: {}\ne: null\nf: true\nu:\n- - 1\n  - 2\n- x: []\n", yaml);
    }

    [Theory]
    [InlineData("true", "'true'")]
    [InlineData("123", "'123'")]
    [InlineData("", "''")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("- x", "'- x'")]
    [InlineData("2020-01-01", "'2020-01-01'")]
    [InlineData("2026-11-28T15:30:38.889000+00:00", "'2026-11-28T15:30:38.889000+00:00'")]
    [InlineData("x #y", "'x #y'")]
    [InlineData("~", "'~'")]
    [InlineData("1e3", "'1e3'")]
    [InlineData("yes", "yes")]
    [InlineData("_", "_")]
    [InlineData("NaN", "NaN")]
    [InlineData("'single'", "'''single'''")]
    [InlineData("a: it's", "'a: it''s'")]
    [InlineData("it's", "it's")]
    [InlineData("é \" \\ \t", "\"é \\\" \\\\ \\t\"")]
    [InlineData("a\rb", "\"a\\rb\"")]
    [InlineData("a\n b", "\"a\\n b\"")]
    [InlineData("a\nb", "'a\n\n  b'")]
    [InlineData("a\n", "'a\n\n  '")]
    [InlineData("arn:aws:ecr:us-east-1:123456789012:repository/yt/x", "arn:aws:ecr:us-east-1:123456789012:repository/yt/x")]
    public void Strings_are_quoted_only_when_they_must_be(string value, string expected) =>
        Assert.Equal("k: " + expected + "\n", YamlOutputFormatter.Format(new JsonObject { ["k"] = value }));

    [Fact]
    public void Long_values_are_folded_at_eighty_columns()
    {
        var yaml = YamlOutputFormatter.Format(new JsonObject
        {
            ["long"] = "a very long plain value that is clearly longer than eighty columns and so it must be folded by the emitter somewhere",
        });

        Assert.Equal("long: a very long plain value that is clearly longer than eighty columns and so it\n  must be folded by the emitter somewhere\n", yaml);
    }

    [Fact]
    public void Bare_scalars_print_as_json_and_an_empty_response_prints_nothing()
    {
        Assert.Equal("\"just a string\"\n", YamlOutputFormatter.Format(JsonValue.Create("just a string")));
        Assert.Equal("42\n", YamlOutputFormatter.Format(JsonValue.Create(42)));
        Assert.Equal("", YamlOutputFormatter.Format(new JsonObject()));
        Assert.Equal("[]\n", YamlOutputFormatter.Format(new JsonArray()));
    }

    [Fact]
    public void Yaml_stream_prints_each_response_as_a_one_item_list()
    {
        var stream = YamlOutputFormatter.FormatStream([JsonNode.Parse("""{"repositories":[{"repositoryName":"a"}]}"""), JsonValue.Create("just a string")]);

        Assert.Equal("- repositories:\n  - repositoryName: a\n- just a string\n", stream);
    }
}
