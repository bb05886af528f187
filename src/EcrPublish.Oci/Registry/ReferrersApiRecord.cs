using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>
/// Remembers, per registry, that it answered 404 to the referrers API, in a small file of the layer cache: the next
/// publish goes straight to the referrers tag and saves that request. A registry's answer rarely changes, and the record
/// is only a shortcut: it expires after <see cref="MaxAge"/>, and a registry that turns out to index referrers itself
/// (its <c>OCI-Subject</c> answer, or a 200 from the API) clears it.
/// </summary>
public sealed class ReferrersApiRecord(string directory)
{
    /// <summary>How long a registry's 404 is believed without asking again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    /// <summary>The record kept in <paramref name="cache"/>'s folder.</summary>
    public static ReferrersApiRecord In(LayerCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return new ReferrersApiRecord(Path.Combine(cache.Directory, "registries"));
    }

    /// <summary>Whether <paramref name="registry"/> answered 404 to the referrers API within <see cref="MaxAge"/>.</summary>
    public bool KnownAbsent(string registry)
    {
        var file = FileFor(registry);
        return File.Exists(file) && DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < MaxAge;
    }

    /// <summary>Records what <paramref name="registry"/> showed: the API (clears the record) or a 404 to it.</summary>
    public void Remember(string registry, bool hasApi)
    {
        var file = FileFor(registry);
        try
        {
            if (hasApi)
            {
                File.Delete(file);
            }
            else
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(file, "404\n");
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Only a shortcut: without it the API is asked again next time.
        }
    }

    // host[:port] as a file name on every OS (no ':').
    private string FileFor(string registry) =>
        Path.Combine(directory, registry.ToLowerInvariant().Replace(':', '_').Replace('[', '_').Replace(']', '_') + ".no-referrers-api");
}
