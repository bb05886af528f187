namespace EcrPublish.SupplyChain;

/// <summary>
/// A repository URL as the documents may show it: without the user and password a CI checkout often embeds
/// (<c>https://x-access-token:TOKEN@github.com/…</c>), which must never reach a published document.
/// </summary>
public static class SourceRepositoryUrl
{
    public static string? WithoutCredentials(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0)
        {
            return new UriBuilder(uri) { UserName = "", Password = "" }.Uri.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped);
        }

        return url.Trim();
    }
}
