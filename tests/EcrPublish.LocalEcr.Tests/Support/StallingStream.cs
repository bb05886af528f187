namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>A request body that sends some bytes and then never finishes, like a client cut off mid-upload.</summary>
internal sealed class StallingStream(int bytesBeforeStall) : Stream
{
    private int sent;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => sent; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (sent >= bytesBeforeStall)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var count = Math.Min(buffer.Length, bytesBeforeStall - sent);
        buffer.Span[..count].Fill(0xEE);
        sent += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
