using System.Security.Cryptography;

namespace EcrPublish.Images;

/// <summary>A forward-only view of <paramref name="inner"/> that hashes every byte read through it (SHA-256), to check a streamed blob against its digest.</summary>
internal sealed class DigestingReadStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Reads what the consumer left unread (a gzip trailer, tar padding) and returns the digest of the whole stream.</summary>
    public string DrainAndDigest()
    {
        var buffer = new byte[1 << 16];
        while (Read(buffer) > 0)
        {
        }

        return ContentDigest.FromHash(_hash.GetCurrentHash());
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _hash.AppendData(buffer[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
