namespace EcrPublish.Images;

/// <summary>One file that goes into a layer: where it is on disk and where it lands in the image.</summary>
/// <param name="SourcePath">The file on disk.</param>
/// <param name="ContainerPath">Absolute path in the image, e.g. <c>/app/MyApp.dll</c>.</param>
/// <param name="Executable">Forces the execute bit; null keeps the source file's execute bit.</param>
/// <param name="LinkTarget">Set for a symbolic link: the target, relative to the link's folder, stored as is (never followed).</param>
public sealed record LayerFile(string SourcePath, string ContainerPath, bool? Executable = null, string? LinkTarget = null);
