using EcrPublish.LocalEcr.ControlPlane;
using EcrPublish.LocalEcr.Regions;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>
/// The gate for "the whole ECR API": every operation of the service model that <c>dotnet ecr</c> embeds is answered
/// by LocalEcr, so a model update cannot add an operation that silently gets <c>UnknownOperationException</c>.
/// </summary>
public sealed class ServiceModelCoverageTests
{
    [Fact]
    public void Every_operation_of_the_embedded_model_is_answered()
    {
        var answered = AnsweredOperations();
        var missing = InputShapeValidator.Instance.Operations.Where(operation => !answered.Contains(operation)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "LocalEcr does not answer these operations of the service model: " + string.Join(", ", missing));
        Assert.Equal(58, InputShapeValidator.Instance.Operations.Count);
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
