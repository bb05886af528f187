using System.Net;
using System.Net.Http.Headers;

namespace EcrPublish.Registry;

/// <summary>A request body that sends a range of a blob (file or memory) with a known length, reporting bytes as they go.</summary>
internal sealed class BlobContent : HttpContent
{
    private readonly string? _path;
    private readonly byte[]? _bytes;
    private readonly long _offset;
    private readonly long _length;
    private readonly Action<long>? _onBytesSent;

    public BlobContent(string? path, byte[]? bytes, long offset, long length, Action<long>? onBytesSent)
    {
        _path = path;
        _bytes = bytes;
        _offset = offset;
        _length = length;
        _onBytesSent = onBytesSent;
        Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        Headers.ContentLength = length;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_bytes is not null)
        {
            await stream.WriteAsync(_bytes.AsMemory((int)_offset, (int)_length), cancellationToken).ConfigureAwait(false);
            _onBytesSent?.Invoke(_length);
            return;
        }

        await using var file = new FileStream(_path!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        file.Position = _offset;
        var buffer = new byte[1 << 16];
        var remaining = _length;
        while (remaining > 0)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException($"'{_path}' is shorter than its descriptor says.");
            }

            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            remaining -= read;
            _onBytesSent?.Invoke(read);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
