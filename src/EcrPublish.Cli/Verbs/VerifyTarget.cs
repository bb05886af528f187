using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;
using EcrPublish.Images;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// The IMAGE of <c>verify</c>: <c>repository[:tag]</c> or <c>repository@digest</c> in the ECR registry the credentials
/// own, or with a registry host in front (<c>host[:port]/repository…</c>, optionally <c>http://</c> or <c>https://</c>).
/// </summary>
/// <param name="Registry">The registry host, or null for the credentials' own ECR registry.</param>
/// <param name="Repository">The repository name.</param>
/// <param name="Reference">The tag or digest to verify (<c>latest</c> when neither is given).</param>
/// <param name="PlainHttp">True when the image was given with <c>http://</c>.</param>
internal sealed record VerifyTarget(string? Registry, string Repository, string Reference, bool PlainHttp)
{
    // Stands in for the registry while the rest is parsed, so that a bare repository does not become a Docker Hub one.
    private const string Placeholder = "registry.invalid";

    public static VerifyTarget Parse(string image)
    {
        var text = image.Trim();
        var plainHttp = text.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        text = plainHttp ? text["http://".Length..] : text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? text["https://".Length..] : text;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var first = slash > 0 ? text[..slash] : "";
        var hasRegistry = ImageReference.IsRegistryHost(first);
        try
        {
            var parsed = ImageReference.Parse(hasRegistry ? text : Placeholder + "/" + text);
            return new VerifyTarget(hasRegistry ? parsed.Registry : null, parsed.Repository, parsed.Reference, plainHttp);
        }
        catch (ImageBuildException)
        {
            throw new CliUsageException($"{CliErrorCodes.VerifyImageInvalid}: '{image}' is not an image. Give repository[:tag], repository@sha256:<64 hex>, or registry-host/repository[:tag].");
        }
    }
}
