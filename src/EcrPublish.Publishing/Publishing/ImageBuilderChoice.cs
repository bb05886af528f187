namespace EcrPublish.Publishing;

/// <summary>The builder that makes the image, and whether a Dockerfile found next to the project chose it.</summary>
internal sealed record ImageBuilderChoice(ImageBuilderKind Kind, bool ChosenByDockerfileNextToProject);
