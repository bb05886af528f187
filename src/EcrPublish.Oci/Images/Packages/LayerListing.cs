namespace EcrPublish.Images.Packages;

/// <summary>What one image layer holds, as far as package inventories need it.</summary>
/// <param name="Paths">Every entry's path (relative, no leading <c>./</c> or <c>/</c>), in tar order.</param>
/// <param name="Deleted">Paths an OCI whiteout (<c>.wh.NAME</c>) removes from the layers below.</param>
/// <param name="Texts">The text of the regular files the caller asked for, by path.</param>
public sealed record LayerListing(IReadOnlyList<string> Paths, IReadOnlyList<string> Deleted, IReadOnlyDictionary<string, string> Texts)
{
    public static LayerListing Empty { get; } = new([], [], new Dictionary<string, string>());
}
