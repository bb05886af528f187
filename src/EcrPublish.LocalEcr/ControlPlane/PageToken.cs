using System.Globalization;
using System.Text;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>Opaque <c>nextToken</c> values: the offset of the next item, base64-wrapped so clients treat it as opaque.</summary>
internal static class PageToken
{
    private const string Prefix = "localecr:";

    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    public static int Decode(string? token)
    {
        if (token is null)
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw EcrErrors.InvalidParameter("Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid token'");
    }

    /// <summary>Cuts one page (default 100 items) out of <paramref name="items"/>, with the token for the next page if any remain.</summary>
    public static (List<T> Page, string? NextToken) Slice<T>(IReadOnlyList<T> items, string? token, int? maxResults)
    {
        var offset = Decode(token);
        var size = maxResults ?? 100;
        var page = items.Skip(offset).Take(size).ToList();
        return (page, offset + size < items.Count ? Encode(offset + size) : null);
    }
}
