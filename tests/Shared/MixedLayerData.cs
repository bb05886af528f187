namespace EcrPublish.Testing;

/// <summary>
/// Deterministic test content that compresses like a real layer: 64 KiB runs of random bytes (native code, already
/// compressed assets) alternate with 64 KiB runs of repetitive text (IL metadata, JSON), from a fixed seed.
/// </summary>
internal static class MixedLayerData
{
    private const int Run = 64 * 1024;

    /// <summary><paramref name="length"/> bytes of the content for <paramref name="seed"/>.</summary>
    public static byte[] Create(int length, int seed = 1)
    {
        var data = new byte[length];
        var random = new Random(seed);
        var run = new byte[Run];
        for (var offset = 0; offset < length; offset += Run)
        {
            FillRun(run, random, offset / Run);
            run.AsSpan(0, Math.Min(Run, length - offset)).CopyTo(data.AsSpan(offset));
        }

        return data;
    }

    /// <summary>Writes <paramref name="length"/> bytes of the content to a new file, a run at a time (never all in memory).</summary>
    public static void WriteFile(string path, long length, int seed = 1)
    {
        using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var random = new Random(seed);
        var run = new byte[Run];
        for (long written = 0, index = 0; written < length; written += Run, index++)
        {
            FillRun(run, random, index);
            output.Write(run, 0, (int)Math.Min(Run, length - written));
        }
    }

    private static void FillRun(byte[] run, Random random, long index)
    {
        if (index % 2 == 0)
        {
            random.NextBytes(run);
            return;
        }

        var line = System.Text.Encoding.ASCII.GetBytes($"{{\"name\":\"Package{index}\",\"version\":\"1.{random.Next(100)}.0\",\"files\":[\"lib/net8.0/Package.dll\"]}}\n");
        for (var offset = 0; offset < run.Length; offset += line.Length)
        {
            line.AsSpan(0, Math.Min(line.Length, run.Length - offset)).CopyTo(run.AsSpan(offset));
        }
    }
}
