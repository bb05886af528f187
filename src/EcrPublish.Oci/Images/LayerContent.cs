namespace EcrPublish.Images;

/// <summary>The files of one layer, before it is written.</summary>
/// <param name="Name">What the layer holds (runtime, packages, app, ...); shown in history and progress.</param>
/// <param name="Files">The files; parent directories are added when the layer is written.</param>
public sealed record LayerContent(string Name, IReadOnlyList<LayerFile> Files);
