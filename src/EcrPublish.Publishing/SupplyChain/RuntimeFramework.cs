namespace EcrPublish.SupplyChain;

/// <summary>A .NET shared framework the app runs on.</summary>
/// <param name="Name">The framework, e.g. <c>Microsoft.NETCore.App</c>, <c>Microsoft.AspNetCore.App</c>.</param>
/// <param name="Version">The exact version in the image.</param>
/// <param name="RuntimePack">For a self-contained app, the runtime pack it came from (a NuGet package such as
/// <c>Microsoft.NETCore.App.Runtime.linux-x64</c>); null when the base image provides the framework.</param>
public sealed record RuntimeFramework(string Name, string Version, string? RuntimePack);
