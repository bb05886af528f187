namespace EcrPublish.LocalEcr.Scanning;

/// <summary>A package database file found in one image layer: its path in the layer, its kind (dpkg, apk, deps) and text.</summary>
internal sealed record LayerDatabase(string Path, string Kind, string Text);
