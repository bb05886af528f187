using EcrPublish.LocalEcr.ControlPlane;
using EcrPublish.LocalEcr.Regions;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>
/// The gate for "the whole ECR API": every operation of the service model that <c>dotnet ecr</c> embeds is answered
/// by LocalEcr, so a model update cannot add an operation that silently gets <c>UnknownOperationException</c>.
/// </summary>
public sealed class ServiceModelCoverageTests
{
    /// <summary>Operations known to be missing, each with why; the list only shrinks.</summary>
    private static readonly Dictionary<string, string> KnownMissing = new(StringComparer.Ordinal)
    {
        ["BatchCheckLayerAvailability"] = "being added in #20",
        ["CompleteLayerUpload"] = "being added in #20",
        ["GetAccountSetting"] = "being added in #20",
        ["GetDownloadUrlForLayer"] = "being added in #20",
        ["InitiateLayerUpload"] = "being added in #20",
        ["PutAccountSetting"] = "being added in #20",
        ["UpdateImageStorageClass"] = "being added in #20",
        ["UploadLayerPart"] = "being added in #20",
    };

    [Fact]
    public void Every_operation_of_the_embedded_model_is_answered()
    {
        var answered = AnsweredOperations();
        var missing = InputShapeValidator.Instance.Operations.Where(operation => !answered.Contains(operation)).Order(StringComparer.Ordinal).ToList();
        var unexpected = missing.Where(operation => !KnownMissing.ContainsKey(operation)).ToList();
        Assert.True(unexpected.Count == 0, "LocalEcr does not answer these operations of the service model: " + string.Join(", ", unexpected));
    }

    [Fact]
    public void The_known_missing_list_names_only_model_operations_that_are_still_missing()
    {
        var answered = AnsweredOperations();
        var stale = KnownMissing.Keys.Where(operation => answered.Contains(operation) || !InputShapeValidator.Instance.Operations.Contains(operation)).ToList();
        Assert.True(stale.Count == 0, "Remove from KnownMissing (answered now, or not in the model): " + string.Join(", ", stale));
    }

    private static HashSet<string> AnsweredOperations()
    {
        var data = Directory.CreateTempSubdirectory("localecr-coverage-").FullName;
        try
        {
            return new RegionalRegistries(new LocalEcrOptions(), data).Default.Operations.Keys.ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
