using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>
/// A request body that streams a blob from another registry as it is sent: the source is opened when the body is
/// written (so every attempt reads afresh), exactly <c>length</c> bytes are passed on, hashed on the way. After the
/// request, <see cref="Digest"/> and <see cref="Complete"/> tell whether what went out is the blob its digest names;
/// nothing is kept on disk or in memory beyond one buffer.
/// </summary>
internal sealed class StreamedBlobContent : HttpContent
{
    private readonly Func<CancellationToken, Task<HttpResponseMessage>> _open;
    private readonly long _length;
    private readonly Action<long>? _onBytesSent;

    public StreamedBlobContent(Func<CancellationToken, Task<HttpResponseMessage>> open, long length, Action<long>? onBytesSent)
    {
        _open = open;
        _length = length;
        _onBytesSent = onBytesSent;
        Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        Headers.ContentLength = length;
    }

    /// <summary>The digest of the bytes sent, once the body was written.</summary>
    public string? Digest { get; private set; }

    /// <summary>True when the source had exactly the announced length (neither shorter, which aborts the request, nor longer).</summary>
    public bool Complete { get; private set; }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using var source = await _open(cancellationToken).ConfigureAwait(false);
        await using var body = await source.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var remaining = _length;
        while (remaining > 0)
        {
            var read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException($"the source ended after {_length - remaining} of {_length} bytes");
            }

            hash.AppendData(buffer, 0, read);
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            remaining -= read;
            _onBytesSent?.Invoke(read);
        }

        Digest = ContentDigest.FromHash(hash.GetCurrentHash());
        Complete = await body.ReadAsync(buffer.AsMemory(0, 1), cancellationToken).ConfigureAwait(false) == 0;
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
