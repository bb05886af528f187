using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.SupplyChain;

/// <summary>How the documents are serialised: properties in insertion order, two-space indent, <c>\n</c> line ends, a final newline.</summary>
internal static class SupplyChainJson
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        // '+' in versions and '<'/'>' in names stay readable; the output is a file, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize(JsonNode document)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            document.WriteTo(writer);
        }

        buffer.WriteByte((byte)'\n');
        var bytes = buffer.ToArray();
        // Utf8JsonWriter indents with the platform's line ending before .NET 9; the bytes must not depend on the OS.
        return Environment.NewLine == "\n"
            ? bytes
            : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>RFC 3339 UTC to the second, as both SPDX (<c>created</c>) and CycloneDX (<c>timestamp</c>) accept it.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>An array of strings, for object initialisers.</summary>
    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());
}
