namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>The ECR errors LocalEcr raises, with ECR's wording.</summary>
internal static class EcrErrors
{
    public static EcrApiException InvalidParameter(string member, string constraint) =>
        new("InvalidParameterException", $"Invalid parameter at '{member}' failed to satisfy constraint: '{constraint}'");

    public static EcrApiException InvalidParameter(string message) => new("InvalidParameterException", message);

    public static EcrApiException RepositoryNotFound(string name, string registryId) =>
        new("RepositoryNotFoundException", $"The repository with name '{name}' does not exist in the registry with id '{registryId}'");

    public static EcrApiException RepositoryAlreadyExists(string name, string registryId) =>
        new("RepositoryAlreadyExistsException", $"The repository with name '{name}' already exists in the registry with id '{registryId}'");

    public static EcrApiException RepositoryNotEmpty(string name, string registryId) =>
        new("RepositoryNotEmptyException", $"The repository with name '{name}' in registry with id '{registryId}' cannot be deleted because it still contains images");

    public static EcrApiException ImageNotFound(string? digest, string? tag, string name, string registryId) =>
        new("ImageNotFoundException", $"The image with imageId {{imageDigest:'{digest ?? "null"}', imageTag:'{tag ?? "null"}'}} does not exist within the repository with name '{name}' in the registry with id '{registryId}'");

    public static EcrApiException Serialization(string message) => new("SerializationException", message);
}
