namespace EcrPublish.Images;

/// <summary>How a publish folder is split into layers, and what the planner learned about the app.</summary>
/// <param name="AppName">The app's assembly name (MyApp for MyApp.dll).</param>
/// <param name="Layers">Non-empty layers, bottom first.</param>
/// <param name="SelfContained">Whether the folder carries its own runtime.</param>
/// <param name="HasAppHost">Whether the native launcher (MyApp, no extension) is present.</param>
public sealed record LayerPlan(string AppName, IReadOnlyList<LayerContent> Layers, bool SelfContained, bool HasAppHost);
