using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>
/// Picks the repository name: <c>EcrRepository</c>, else <c>ContainerRepository</c>, else the project name
/// made valid. Names the user typed are checked strictly (a silent rename would push somewhere unexpected);
/// only the project-name default is lower-cased and cleaned.
/// </summary>
public static class RepositoryNameResolver
{
    public static string? Resolve(string? ecrRepository, string? containerRepository, string projectName, ICollection<EcrDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var (explicitName, propertyName) = !string.IsNullOrWhiteSpace(ecrRepository)
            ? (ecrRepository.Trim(), "EcrRepository")
            : !string.IsNullOrWhiteSpace(containerRepository) ? (containerRepository.Trim(), "ContainerRepository") : (null, null);
        if (explicitName is not null)
        {
            var problem = RepositoryNameRules.Explain(explicitName);
            if (problem is null)
            {
                return explicitName;
            }

            var suggestion = RepositoryNameRules.Derive(explicitName);
            diagnostics.Add(EcrDiagnostic.Error(
                InputCodes.InvalidRepositoryName,
                $"{propertyName} '{explicitName}' is not a valid ECR repository name: {problem}." + (suggestion is null ? string.Empty : $" For example: '{suggestion}'.")));
            return null;
        }

        var derived = RepositoryNameRules.Derive(projectName);
        if (derived is null)
        {
            diagnostics.Add(EcrDiagnostic.Error(
                InputCodes.RepositoryNameNotDerivable,
                $"No valid ECR repository name can be made from the project name '{projectName}'. Set EcrRepository."));
        }

        return derived;
    }
}
