using System.Formats.Tar;
using EcrPublish.Images;

namespace EcrPublish.Core.Tests.Images;

/// <summary>Writes a layer tar in memory at a fixed time and reads its entries back, for tests of the tar writer.</summary>
internal static class TarLayers
{
    public static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    public static byte[] Write(IEnumerable<LayerFile> files)
    {
        using var output = new MemoryStream();
        TarLayerWriter.Write(output, files, Time);
        return output.ToArray();
    }

    public static List<TarEntry> Read(byte[] tar)
    {
        using var reader = new TarReader(new MemoryStream(tar));
        var entries = new List<TarEntry>();
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            entries.Add(entry);
        }

        return entries;
    }
}
