using System.Buffers;
using System.IO.Compression;

namespace EcrPublish.Images;

/// <summary>
/// One block of a <see cref="ParallelGzipStream"/>, deflated on its own: no dictionary from the block before (the
/// runtime's zlib offers no preset dictionary), ended by a sync flush so the bytes stop on a byte boundary without a
/// final block, as pigz <c>--independent</c> writes them. Blocks laid end to end are one valid deflate stream.
/// </summary>
internal sealed class DeflateBlock : IDisposable
{
    private byte[]? _compressed;

    private DeflateBlock(byte[] compressed, int compressedLength, uint crc, int inputLength)
    {
        _compressed = compressed;
        CompressedLength = compressedLength;
        Crc = crc;
        InputLength = inputLength;
    }

    /// <summary>The deflate bytes, from a pooled buffer returned on <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Compressed => _compressed.AsSpan(0, CompressedLength);

    public int CompressedLength { get; }

    /// <summary>The CRC-32 of the block's input, joined to the others' with <see cref="Crc32.Combine"/>.</summary>
    public uint Crc { get; }

    public int InputLength { get; }

    public static DeflateBlock Compress(ReadOnlySpan<byte> input, CompressionLevel level)
    {
        // Incompressible input leaves deflate as stored blocks (5 bytes per 64 KiB) plus the sync flush's 5 bytes;
        // the margin covers that with room to spare, so the fixed-size buffer never has to grow.
        var buffer = ArrayPool<byte>.Shared.Rent(input.Length + (input.Length >> 5) + 1024);
        try
        {
            using var output = new MemoryStream(buffer, 0, buffer.Length, writable: true);
            int length;
            using (var deflate = new DeflateStream(output, level, leaveOpen: true))
            {
                deflate.Write(input);
                deflate.Flush();
                length = checked((int)output.Position);
            }

            // Disposing appended the final empty block after `length`; the stream's own end is written once, by the gzip stream.
            return new DeflateBlock(buffer, length, Crc32.Of(input), input.Length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (_compressed is { } buffer)
        {
            _compressed = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
