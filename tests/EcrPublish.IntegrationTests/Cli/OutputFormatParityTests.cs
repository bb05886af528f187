using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>
/// The output formatters on arbitrary data: a JMESPath literal in <c>--query</c> hands the same JSON to the
/// AWS CLI's formatter and to dotnet ecr's, so every json/text/table corner can be compared live.
/// </summary>
public sealed class OutputFormatParityTests
{
    private static readonly string[] s_documents =
    [
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
    ];

    /// <summary>
    /// Every document with the AWS CLI v2; the two that mix nesting, lists and every scalar type with v1 too, which has
    /// the same json, text and table formatters (each call costs a Python start, so more would only repeat these; the
    /// image and repository parity tests compare v1's output of real responses).
    /// </summary>
    public static TheoryData<string, AwsCliVersion> DocumentsWithCli()
    {
        var data = new TheoryData<string, AwsCliVersion>();
        for (var index = 0; index < s_documents.Length; index++)
        {
            data.Add(s_documents[index], AwsCliVersion.V2);
            if (index is 0 or 4)
            {
                data.Add(s_documents[index], AwsCliVersion.V1);
            }
        }

        return data;
    }

    /// <summary>Strings that YAML must quote, escape or fold, besides the documents of <see cref="DocumentsWithCli"/>.</summary>
    public static TheoryData<string> YamlDocuments => new(s_documents.Concat(
    [
        """{"h":"true","i":"123","j":"","k":"a: b","l":"- x","m":"2020-01-01","n":"x #y","p":"~","q":"0x1f","r":"1e3","s":"yes","t":"a\nb","_":"'single'","a":"a: it's","g":"a\n","x":"tab\tin","cr":"a\rb","sp":"  lead","u":"2026-11-28T15:30:38.889000+00:00"}""",
        """{"policy":"{\n  \"rules\" : [ {\n    \"rulePriority\" : 1,\n    \"description\" : \"Expire untagged images older than 1 day\"\n  } ]\n}","long":"a very long plain value that is clearly longer than eighty columns and so it must be folded by the emitter somewhere"}""",
    ]));

    [Theory]
    [MemberData(nameof(DocumentsWithCli))]
    public async Task Json_text_and_table_match_the_aws_cli(string document, AwsCliVersion cli)
    {
        var literal = Literal(document);
        foreach (var output in new[] { "json", "text", "table" })
        {
            if (output == "table" && document is "\"just a string\"" or "42")
            {
                // The AWS CLI's table formatter fails on a bare scalar; nothing to compare.
                continue;
            }

            await CliParityRunner.AssertSameSequentiallyAsync(cli, "describe-registry", "--query", literal, "--output", output);
        }
    }

    [Theory]
    [MemberData(nameof(YamlDocuments))]
    public async Task Yaml_and_yaml_stream_match_the_aws_cli_v2(string document)
    {
        await CliParityRunner.AssertSameSequentiallyAsync("describe-registry", "--query", Literal(document), "--output", "yaml");
        await CliParityRunner.AssertSameSequentiallyAsync("describe-registry", "--query", Literal(document), "--output", "yaml-stream");
    }

    private static string Literal(string document) => "`" + document.Replace("`", "\\`", StringComparison.Ordinal) + "`";
}
