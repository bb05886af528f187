using System.Security.Cryptography;
using System.Text;
using EcrPublish.Lifecycle;

namespace EcrPublish.Core.Tests.Lifecycle;

/// <summary>A set of named repository images for lifecycle tests; each name maps to a real-looking sha256 digest.</summary>
internal sealed class ImageSet
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private readonly List<LifecycleImage> images = [];
    private readonly Dictionary<string, string> namesByDigest = new(StringComparer.Ordinal);

    public IReadOnlyList<LifecycleImage> Images => images;

    public static TimeSpan Days(double days) => TimeSpan.FromDays(days);

    public static string DigestOf(string name) =>
        "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name))).ToLowerInvariant();

    public ImageSet Add(string name, TimeSpan age, params string[] tags) => Add(name, age, image => image, tags);

    public ImageSet Add(string name, TimeSpan age, Func<LifecycleImage, LifecycleImage> configure, params string[] tags)
    {
        var image = configure(new LifecycleImage { Digest = DigestOf(name), Tags = tags, PushedAt = Now - age });
        images.Add(image);
        namesByDigest.Add(image.Digest, name);
        return this;
    }

    /// <summary>"name by priority" for every image acted on, sorted by name.</summary>
    public IReadOnlyList<string> Acted(LifecyclePreview preview) =>
        preview.Results
            .Select(result => $"{namesByDigest[result.ImageDigest]} by {result.AppliedRulePriority}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
