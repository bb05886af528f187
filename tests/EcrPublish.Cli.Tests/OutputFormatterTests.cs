using System.Text.Json.Nodes;
using EcrPublish.Cli.Output;
using Xunit;

namespace EcrPublish.Cli.Tests;

/// <summary>
/// The formatters against output of the AWS CLI v2 (2.9.19) for the same data, captured with
/// <c>aws ecr describe-registry --query '`DATA`' --output FORMAT</c>. The differential suite re-checks
/// these forms live against the installed AWS CLI.
/// </summary>
public sealed class OutputFormatterTests
{
    [Fact]
    public void Json_is_indented_by_four_with_python_floats_and_unescaped_unicode()
    {
        var data = JsonNode.Parse("""{"a":[1,2.5,1e20,0.00001],"b":{},"c":[],"d":"é\"\n","e":null,"f":true}""");

        Assert.Equal(
            "{\n    \"a\": [\n        1,\n        2.5,\n        1e+20,\n        1e-05\n    ],\n    \"b\": {},\n    \"c\": [],\n" +
            "    \"d\": \"é\\\"\\n\",\n    \"e\": null,\n    \"f\": true\n}",
            PythonJsonWriter.Write(data));
    }

    [Theory]
    [InlineData(5.0, "5.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e16, "1e+16")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(-2.5e-7, "-2.5e-07")]
    public void Floats_print_as_python_repr(double value, string expected) =>
        Assert.Equal(expected, PythonFloatFormatter.Format(value));

    [Fact]
    public void Text_puts_sorted_scalars_first_and_nested_values_under_upper_case_identifiers()
    {
        var data = JsonNode.Parse("""{"repositories":[{"repositoryName":"a","imageScanningConfiguration":{"scanOnPush":true},"registryId":"1"},{"repositoryName":"b","registryId":"1","extra":"x"}]}""");

        Assert.Equal(
            "REPOSITORIES\t\t1\ta\nIMAGESCANNINGCONFIGURATION\tTrue\nREPOSITORIES\tx\t1\tb\n",
            TextOutputFormatter.Format(data));
    }

    [Fact]
    public void Table_draws_the_aws_cli_boxes()
    {
        var data = JsonNode.Parse("""["uri-one","uri-two"]""");

        Assert.Equal(
            "------------------\n" +
            "|DescribeRegistry|\n" +
            "+----------------+\n" +
            "|  uri-one       |\n" +
            "|  uri-two       |\n" +
            "+----------------+\n",
            TableOutputFormatter.Format("DescribeRegistry", data, 80));
    }

    [Fact]
    public void Epoch_seconds_print_as_python_isoformat()
    {
        Assert.Equal("2019-07-15T20:47:36+00:00", PythonIsoTimestamp.FromEpochSeconds(1.563223656E9, TimeZoneInfo.Utc));
        Assert.Equal("2024-01-15T10:00:00.123000+00:00", PythonIsoTimestamp.FromEpochSeconds(1705312800.123, TimeZoneInfo.Utc));
    }
}
