namespace EcrPublish.Publishing;

/// <summary>
/// How the project was built, as the provenance's external parameters and resolved dependencies name it. Each value is
/// an MSBuild fact handed over by name: nothing here is read from the environment, and none is a credential.
/// </summary>
/// <param name="Configuration"><c>$(Configuration)</c>, e.g. <c>Release</c>; empty when unknown.</param>
/// <param name="SdkVersion"><c>$(NETCoreSdkVersion)</c>, or null when unknown.</param>
/// <param name="TagTemplates">The tag templates as written (<c>v{version}</c>, <c>{sha}</c>), not the tags they gave.</param>
public sealed record BuildParameters(string Configuration, string? SdkVersion, IReadOnlyList<string> TagTemplates)
{
    /// <summary>Nothing known.</summary>
    public static BuildParameters Unknown { get; } = new("", null, []);
}
