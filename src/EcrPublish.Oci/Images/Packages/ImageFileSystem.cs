namespace EcrPublish.Images.Packages;

/// <summary>
/// The files of an image as its layers stack them: a later layer's file replaces the same path from an earlier one,
/// and its whiteouts remove paths (and everything below them) from the layers beneath.
/// </summary>
public sealed class ImageFileSystem
{
    private readonly SortedSet<string> _paths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>Every path present in the image, ordinally sorted.</summary>
    public IReadOnlySet<string> Paths => _paths;

    /// <summary>The texts read (those the listing reader was asked for) of the files still present.</summary>
    public IReadOnlyDictionary<string, string> Texts => _texts;

    /// <summary>The paths that start with <paramref name="prefix"/>, sorted.</summary>
    public IEnumerable<string> PathsUnder(string prefix) => _paths.GetViewBetween(prefix, prefix + char.MaxValue);

    /// <summary>Stacks the listings, lowest layer first.</summary>
    public static ImageFileSystem Stack(IEnumerable<LayerListing> layers)
    {
        var image = new ImageFileSystem();
        foreach (var layer in layers)
        {
            foreach (var deleted in layer.Deleted)
            {
                image.Remove(deleted);
            }

            image._paths.UnionWith(layer.Paths);
            foreach (var (path, text) in layer.Texts)
            {
                image._texts[path] = text;
            }
        }

        return image;
    }

    /// <summary>Reads each layer file (gzip or plain tar, lowest first) and stacks them.</summary>
    public static ImageFileSystem Read(IEnumerable<string> layerFiles, Func<string, bool> wantText) =>
        Stack(layerFiles.Select(file => LayerListingReader.Read(file, wantText)));

    private void Remove(string path)
    {
        var below = path.Length == 0 ? "" : path + "/";
        _paths.RemoveWhere(candidate => candidate == path || candidate.StartsWith(below, StringComparison.Ordinal));
        foreach (var key in _texts.Keys.Where(key => key == path || key.StartsWith(below, StringComparison.Ordinal)).ToList())
        {
            _texts.Remove(key);
        }
    }
}
