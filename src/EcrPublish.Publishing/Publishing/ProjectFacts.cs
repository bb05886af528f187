namespace EcrPublish.Publishing;

/// <summary>Facts about the published project that the image builder needs (entrypoint, base image inference).</summary>
/// <param name="ProjectName">MSBuild project name.</param>
/// <param name="AssemblyName">Assembly name; the native executable's name when self-contained.</param>
/// <param name="TargetFileName">The app's main file, e.g. <c>HelloApi.dll</c>.</param>
/// <param name="TargetFrameworkVersion">major.minor of the target framework, e.g. <c>10.0</c>.</param>
/// <param name="IsSelfContained">True for self-contained or AOT publishes (base image runtime-deps).</param>
/// <param name="UsesAspNetCore">True when the project references Microsoft.AspNetCore.App (base image aspnet).</param>
/// <param name="Version">The project's <c>$(Version)</c>.</param>
public sealed record ProjectFacts(
    string ProjectName,
    string AssemblyName,
    string TargetFileName,
    string TargetFrameworkVersion,
    bool IsSelfContained,
    bool UsesAspNetCore,
    string? Version);
