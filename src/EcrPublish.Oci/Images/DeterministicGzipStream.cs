using System.Buffers.Binary;
using System.IO.Compression;

namespace EcrPublish.Images;

/// <summary>
/// A write-only gzip stream with a fixed header (no name, mtime 0, OS "unknown"), so the header never
/// depends on the machine or the time. The deflate bytes come from the runtime's zlib.
/// </summary>
internal sealed class DeterministicGzipStream : Stream
{
    private static readonly byte[] Header = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff];
    private readonly Stream _output;
    private readonly DeflateStream _deflate;
    private readonly Crc32 _crc = new();
    private long _length;
    private bool _finished;

    public DeterministicGzipStream(Stream output, CompressionLevel level)
    {
        _output = output;
        _output.Write(Header);
        _deflate = new DeflateStream(output, level, leaveOpen: true);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _crc.Append(buffer);
        _length += buffer.Length;
        _deflate.Write(buffer);
    }

    // A deflate flush inserts a sync block, which would make the bytes depend on who flushed when;
    // everything is written out on dispose instead.
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_finished)
        {
            _finished = true;
            _deflate.Dispose();
            Span<byte> trailer = stackalloc byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc.Value);
            BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)_length));
            _output.Write(trailer);
        }

        base.Dispose(disposing);
    }
}
