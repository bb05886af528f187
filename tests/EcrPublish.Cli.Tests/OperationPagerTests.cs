using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;
using EcrPublish.Cli.ServiceModel;
using Xunit;

namespace EcrPublish.Cli.Tests;

/// <summary>botocore's paginator rules: follow nextToken, merge result keys, truncate to --max-items with a resumable token.</summary>
public sealed class OperationPagerTests
{
    private static readonly OperationModel s_listImages = EcrServiceModel.Instance.Operations["list-images"];
    private static readonly OperationModel s_findings = EcrServiceModel.Instance.Operations["describe-image-scan-findings"];

    [Fact]
    public async Task Follows_next_tokens_and_concatenates_the_result_key()
    {
        var invoker = new ScriptedInvoker(
            _ => """{"imageIds":[{"imageTag":"a"},{"imageTag":"b"}],"nextToken":"t1"}""",
            _ => """{"imageIds":[{"imageTag":"c"}]}""");
        var pager = Pager(invoker, s_listImages);

        var result = pager.BuildFullResult(await pager.FetchAsync(Request("""{"repositoryName":"r1"}"""), CancellationToken.None));

        Assert.Equal("""{"imageIds":[{"imageTag":"a"},{"imageTag":"b"},{"imageTag":"c"}]}""", result.ToJsonString());
        Assert.Null(invoker.Requests[0]["nextToken"]);
        Assert.Equal("t1", (string?)invoker.Requests[1]["nextToken"]);
    }

    [Fact]
    public async Task Max_items_truncates_and_the_resume_token_skips_what_was_returned()
    {
        var pages = new ScriptedInvoker(
            _ => """{"imageIds":[{"imageTag":"a"},{"imageTag":"b"}],"nextToken":"t1"}""",
            _ => """{"imageIds":[{"imageTag":"c"},{"imageTag":"d"}]}""");
        var pager = Pager(pages, s_listImages);

        var result = pager.BuildFullResult(await pager.FetchAsync(Request("""{"repositoryName":"r1"}""", maxItems: 3), CancellationToken.None));
        var token = (string)result["NextToken"]!;

        Assert.Equal("""[{"imageTag":"a"},{"imageTag":"b"},{"imageTag":"c"}]""", result["imageIds"]!.ToJsonString());
        Assert.Equal("""{"nextToken": "t1", "boto_truncate_amount": 1}""", Encoding.UTF8.GetString(Convert.FromBase64String(token)));

        var resumedPages = new ScriptedInvoker(_ => """{"imageIds":[{"imageTag":"c"},{"imageTag":"d"}]}""");
        var resumedPager = Pager(resumedPages, s_listImages);
        var resumed = resumedPager.BuildFullResult(await resumedPager.FetchAsync(Request("""{"repositoryName":"r1"}""", startingToken: token), CancellationToken.None));

        Assert.Equal("t1", (string?)resumedPages.Requests[0]["nextToken"]);
        Assert.Equal("""{"imageIds":[{"imageTag":"d"}]}""", resumed.ToJsonString());
    }

    // As botocore does, a non-aggregate key the first page lacks is still set, to null.
    [Fact]
    public async Task Nested_result_keys_merge_and_non_aggregate_keys_come_from_the_first_page()
    {
        var invoker = new ScriptedInvoker(
            _ => """{"repositoryName":"r1","imageScanStatus":{"status":"COMPLETE"},"imageScanFindings":{"findingSeverityCounts":{"HIGH":2},"findings":[{"name":"CVE-1"}]},"nextToken":"t1"}""",
            _ => """{"repositoryName":"r1","imageScanStatus":{"status":"COMPLETE"},"imageScanFindings":{"findingSeverityCounts":{"HIGH":2},"findings":[{"name":"CVE-2"}]}}""");
        var pager = Pager(invoker, s_findings);

        var result = pager.BuildFullResult(await pager.FetchAsync(Request("""{"repositoryName":"r1","imageId":{"imageTag":"v1"}}"""), CancellationToken.None));

        Assert.Equal(
            """{"imageScanFindings":{"findings":[{"name":"CVE-1"},{"name":"CVE-2"}],"findingSeverityCounts":{"HIGH":2}},"registryId":null,"repositoryName":"r1","imageId":null,"imageScanStatus":{"status":"COMPLETE"}}""",
            result.ToJsonString());
    }

    private static OperationPager Pager(ScriptedInvoker invoker, OperationModel operation) =>
        new(new OperationCaller(invoker, TimeZoneInfo.Utc), operation, operation.Paginator!);

    private static OperationRequest Request(string parameters, long? maxItems = null, string? startingToken = null) =>
        new((JsonObject)JsonNode.Parse(parameters)!, startingToken, null, maxItems);

}
