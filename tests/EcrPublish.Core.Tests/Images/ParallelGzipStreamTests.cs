using System.Buffers.Binary;
using System.IO.Compression;
using EcrPublish.Images;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.Core.Tests.Images;

public sealed class ParallelGzipStreamTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void The_bytes_are_the_same_on_one_thread_and_on_several(int threads)
    {
        var input = MixedLayerData.Create((5 * ParallelGzipStream.DefaultBlockSize) + 12_345);

        var one = Compress(input, threads: 1);
        var many = Compress(input, threads);

        Assert.Equal(ContentDigest.Of(one), ContentDigest.Of(many));
        Assert.Equal(input, Decompress(many));
    }

    [Fact]
    public void The_bytes_do_not_depend_on_how_the_input_is_cut_into_writes()
    {
        var input = MixedLayerData.Create(300_000);

        var whole = Compress(input, threads: 2, blockSize: 4096);
        byte[] piecewise;
        using (var output = new MemoryStream())
        {
            using (var gzip = new ParallelGzipStream(output, CompressionLevel.Optimal, 2, blockSize: 4096))
            {
                for (int offset = 0, piece = 1; offset < input.Length; offset += piece, piece = (piece * 13 % 9000) + 1)
                {
                    gzip.Write(input, offset, Math.Min(piece, input.Length - offset));
                    gzip.Flush();
                }
            }

            piecewise = output.ToArray();
        }

        Assert.Equal(whole, piecewise);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(3 * 4096)]
    public void Empty_partial_and_exact_blocks_give_one_gzip_member_with_a_fixed_header_and_a_correct_trailer(int length)
    {
        var input = MixedLayerData.Create(length, seed: length);

        var gzip = Compress(input, threads: 2, blockSize: 4096);

        Assert.Equal(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff }, gzip[..10]);
        Assert.Equal(Crc32.Of(input), BinaryPrimitives.ReadUInt32LittleEndian(gzip.AsSpan(gzip.Length - 8)));
        Assert.Equal((uint)length, BinaryPrimitives.ReadUInt32LittleEndian(gzip.AsSpan(gzip.Length - 4)));
        Assert.Equal(input, Decompress(gzip));
    }

    [Fact]
    public void Each_block_ends_on_a_sync_flush_so_blocks_are_independent()
    {
        var input = MixedLayerData.Create(3 * 4096);

        var gzip = Compress(input, threads: 1, blockSize: 4096);

        // Each block is a complete, byte-aligned deflate piece: the second block alone, with the final empty block
        // after it, inflates to its own input without the first block's window.
        var first = DeflateBlock.Compress(input.AsSpan(0, 4096), CompressionLevel.Optimal);
        var second = DeflateBlock.Compress(input.AsSpan(4096, 4096), CompressionLevel.Optimal);
        Assert.Equal([0, 0, 0xff, 0xff], first.Compressed[^4..].ToArray());
        Assert.Equal(first.Compressed.ToArray(), gzip.AsSpan(10, first.CompressedLength).ToArray());
        Assert.Equal(second.Compressed.ToArray(), gzip.AsSpan(10 + first.CompressedLength, second.CompressedLength).ToArray());
        using var alone = new DeflateStream(new MemoryStream([.. second.Compressed, 0x03, 0x00]), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        alone.CopyTo(inflated);
        Assert.Equal(input.AsSpan(4096, 4096).ToArray(), inflated.ToArray());
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public void Independent_blocks_of_the_default_size_cost_little_over_a_single_deflate_stream()
    {
        var input = MixedLayerData.Create(8 * ParallelGzipStream.DefaultBlockSize);
        using var single = new MemoryStream();
        using (var gzip = new GZipStream(single, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(input);
        }

        var blocks = Compress(input, threads: 2);

        // Each block starts without the 32 KiB window of the one before; with 1 MiB blocks that is a fraction of a percent.
        Assert.InRange(blocks.Length, single.Length - 1024, single.Length + (single.Length / 100));
    }

    [Fact]
    public void A_failing_output_surfaces_its_error_and_the_stream_writes_no_end_after_it()
    {
        var input = MixedLayerData.Create(6 * 4096);
        using var output = new FailingAfter(limit: 10 + 100);

        var error = Assert.Throws<IOException>(() =>
        {
            using var gzip = new ParallelGzipStream(output, CompressionLevel.Optimal, 2, blockSize: 4096);
            gzip.Write(input);
        });

        Assert.Equal("disk full", error.Message);
        Assert.True(output.Length <= 10 + 100);
    }

    private static byte[] Compress(byte[] input, int threads, int blockSize = ParallelGzipStream.DefaultBlockSize)
    {
        using var output = new MemoryStream();
        using (var gzip = new ParallelGzipStream(output, CompressionLevel.Optimal, threads, blockSize))
        {
            gzip.Write(input);
        }

        return output.ToArray();
    }

    private static byte[] Decompress(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private sealed class FailingAfter(int limit) : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Length + buffer.Length > limit)
            {
                throw new IOException("disk full");
            }

            base.Write(buffer);
        }
    }
}
