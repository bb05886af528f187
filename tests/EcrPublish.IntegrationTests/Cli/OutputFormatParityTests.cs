using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>
/// The output formatters on arbitrary data: a JMESPath literal in <c>--query</c> hands the same JSON to the
/// AWS CLI's formatter and to dotnet ecr's, so every json/text/table corner can be compared live.
/// </summary>
public sealed class OutputFormatParityTests
{
    public static TheoryData<string> Documents => new()
    {
        """{"a":[1,2.5,1e20,0.00001,-0.0],"b":{},"c":[],"d":"é \" \\ \t","e":null,"f":true,"g":false}""",
        """{"repositories":[{"repositoryName":"a","imageScanningConfiguration":{"scanOnPush":true},"registryId":"1"},{"repositoryName":"b","registryId":"1","extra":"x"}]}""",
        """[["a","b"],["c","d"],"e"]""",
        """[{"Tag":"v1","SizeMB":10,"Nested":{"x":1,"y":[1,2]}},{"Tag":"v2","SizeMB":20}]""",
        """{"imageScanFindings":{"findingSeverityCounts":{"HIGH":3,"LOW":1},"findings":[{"name":"CVE-1","severity":"HIGH","attributes":[{"key":"k","value":"v"}]}]}}""",
        """{"list":["a-very-long-value-that-makes-the-table-wider-than-eighty-columns-for-sure-and-more","b"],"k":"v","n":1}""",
        """{"k":"a-very-long-value-that-makes-the-table-wider-than-eighty-columns-for-sure-and-more","n":1}""",
        "\"just a string\"",
        "42",
        "[]",
        "{}",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Json_text_and_table_match_the_aws_cli(string document)
    {
        var literal = "`" + document.Replace("`", "\\`", StringComparison.Ordinal) + "`";
        foreach (var output in new[] { "json", "text", "table" })
        {
            if (output == "table" && document is "\"just a string\"" or "42")
            {
                // The AWS CLI's table formatter fails on a bare scalar; nothing to compare.
                continue;
            }

            await CliParityRunner.AssertSameSequentiallyAsync("describe-registry", "--query", literal, "--output", output);
        }
    }
}
