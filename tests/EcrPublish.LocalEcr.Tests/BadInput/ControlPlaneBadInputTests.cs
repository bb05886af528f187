using EcrPublish.LocalEcr.Tests.Support;
using Xunit.Abstractions;

namespace EcrPublish.LocalEcr.Tests.BadInput;

/// <summary>
/// The bad-input corpus for the control plane: every operation of ECR's service model, every member of its input
/// (three levels deep) with every kind of bad value, against one LocalEcr. Each must be a 4xx in ECR's JSON error shape
/// and leave the data directory byte for byte as it was.
/// </summary>
public sealed class ControlPlaneBadInputTests(CorpusServer server, ITestOutputHelper output) : IClassFixture<CorpusServer>
{
    /// <summary>Each operation with its number of bad values, so the count shows in the test's name.</summary>
    public static TheoryData<string, int> Operations()
    {
        var counter = new ServiceModelCorpus(null);
        var data = new TheoryData<string, int>();
        foreach (var operation in ServiceModelCorpus.OperationNames())
        {
            data.Add(operation, counter.For(operation).Count);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_bad_value_is_a_4xx_in_ECRs_shape_and_changes_nothing(string operation, int badValues)
    {
        var cases = new ServiceModelCorpus(server).For(operation);
        Assert.Equal(badValues, cases.Count);
        var failures = new List<string>();
        foreach (var bad in cases)
        {
            var before = server.Snapshot();
            EcrResponse response = await server.Ecr.Ecr.CallAsync(operation, bad.Body);
            var after = server.Snapshot();
            if (IsPerImageFailure(response))
            {
                // ECR's own answer to a bad tag or digest in imageIds: 200 with a failure for that image.
            }
            else if (response.StatusCode is < 400 or > 499 || response.ErrorType is null)
            {
                failures.Add($"{bad.Description}: {response.StatusCode} {response.Body?.ToJsonString()}");
            }
            else if (!before.SequenceEqual(after))
            {
                failures.Add($"{bad.Description}: {response.StatusCode} {response.ErrorType}, but the data directory changed");
            }
        }

        output.WriteLine($"{operation}: {cases.Count} bad values, {cases.Count - failures.Count} refused cleanly");
        Assert.True(failures.Count == 0, $"{operation}: {failures.Count} of {cases.Count} bad values were not a clean 4xx:\n" + string.Join('\n', failures));
    }

    private static bool IsPerImageFailure(EcrResponse response) =>
        response.StatusCode == 200
        && response.Body?["failures"] is System.Text.Json.Nodes.JsonArray { Count: 1 } failures
        && failures[0]!["failureCode"]?.GetValue<string>() is "InvalidImageTag" or "InvalidImageDigest"
        && response.Body["images"] is null or System.Text.Json.Nodes.JsonArray { Count: 0 }
        && response.Body["imageIds"] is null or System.Text.Json.Nodes.JsonArray { Count: 0 };

    [Fact]
    public void The_corpus_covers_every_operation_of_the_model()
    {
        var corpus = new ServiceModelCorpus(server);
        var counts = ServiceModelCorpus.OperationNames().ToDictionary(name => name, name => corpus.For(name).Count);
        output.WriteLine($"{counts.Count} operations, {counts.Values.Sum()} bad values in all");
        output.WriteLine("operations without input members (nothing to break): " + string.Join(", ", counts.Where(pair => pair.Value == 0).Select(pair => pair.Key)));
        Assert.True(counts.Count >= 58, $"only {counts.Count} operations in the model");
        Assert.True(counts.Values.Sum() > 1000, $"only {counts.Values.Sum()} bad values");
    }
}
