using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace EcrPublish.Images;

/// <summary>
/// A write-only gzip stream with a fixed header (no name, mtime 0, OS "unknown") whose deflate data is cut into
/// blocks of a fixed size, each compressed on its own (<see cref="DeflateBlock"/>), several at once, and written in
/// order: one gzip member with the CRC-32 and length of everything written. The bytes depend only on the input,
/// the block size and the runtime's zlib, never on the number of threads, which only sets how many blocks are
/// compressed at the same time; memory stays within that many blocks whatever the stream's length.
/// </summary>
internal sealed class ParallelGzipStream : Stream
{
    /// <summary>
    /// The block size of every layer. Part of the layer digests: changing it changes every layer's bytes, so it goes
    /// with a new <see cref="LayerCache.CompressionVersion"/>. 1 MiB keeps the cost of independent blocks (no
    /// shared window) near 0.1% of the size (docs/image-engine.md).
    /// </summary>
    public const int DefaultBlockSize = 1 << 20;

    private static readonly byte[] Header = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff];

    // A final, empty block with fixed codes: the end of the deflate stream after the blocks' sync flushes.
    private static readonly byte[] FinalBlock = [0x03, 0x00];

    private readonly Stream _output;
    private readonly CompressionLevel _level;
    private readonly int _degreeOfParallelism;
    private readonly int _blockSize;
    private readonly Queue<Task<DeflateBlock>> _compressing = new();
    private byte[] _block;
    private int _filled;
    private uint _crc;
    private long _length;
    private long _received;
    private bool _finished;
    private bool _failed;

    /// <param name="output">Where the gzip bytes go; left open.</param>
    /// <param name="level">The deflate level of every block.</param>
    /// <param name="degreeOfParallelism">How many blocks are compressed at once; 1 compresses on the writing thread.</param>
    /// <param name="blockSize">The input size of a block: <see cref="DefaultBlockSize"/> except in tests that need many small blocks.</param>
    public ParallelGzipStream(Stream output, CompressionLevel level, int degreeOfParallelism, int blockSize = DefaultBlockSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreeOfParallelism, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        _output = output;
        _level = level;
        _degreeOfParallelism = degreeOfParallelism;
        _blockSize = blockSize;
        _block = ArrayPool<byte>.Shared.Rent(blockSize);
        _output.Write(Header);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _received; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _received += buffer.Length;
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, _blockSize - _filled);
            buffer[..take].CopyTo(_block.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
            if (_filled == _blockSize)
            {
                try
                {
                    SubmitBlock();
                }
                catch
                {
                    // The output or a block failed: the stream is broken, and disposing it must not write an end to it.
                    _failed = true;
                    throw;
                }
            }
        }
    }

    // Only whole blocks are written out, so who flushes when never shows in the bytes.
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
            try
            {
                if (!_failed)
                {
                    Finish();
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(_block);
                foreach (var pending in _compressing)
                {
                    // Only after a failure: let the remaining blocks finish and give their buffers back.
                    pending.ContinueWith(task => task.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                }
            }
        }

        base.Dispose(disposing);
    }

    private void Finish()
    {
        if (_filled > 0)
        {
            SubmitBlock();
        }

        while (_compressing.Count > 0)
        {
            WriteOldestBlock();
        }

        _output.Write(FinalBlock);
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)_length));
        _output.Write(trailer);
    }

    private void SubmitBlock()
    {
        var input = _block;
        var length = _filled;
        _filled = 0;
        if (_degreeOfParallelism == 1)
        {
            using var block = DeflateBlock.Compress(input.AsSpan(0, length), _level);
            Append(block);
            return;
        }

        var level = _level;
        _compressing.Enqueue(Task.Run(() =>
        {
            try
            {
                return DeflateBlock.Compress(input.AsSpan(0, length), level);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(input);
            }
        }));
        _block = ArrayPool<byte>.Shared.Rent(_blockSize);

        // Keep every worker busy while this thread fills the next block; write out what is done, in order.
        while (_compressing.Count > _degreeOfParallelism || (_compressing.Count > 0 && _compressing.Peek().IsCompleted))
        {
            WriteOldestBlock();
        }
    }

    private void WriteOldestBlock()
    {
        using var block = _compressing.Dequeue().GetAwaiter().GetResult();
        Append(block);
    }

    private void Append(DeflateBlock block)
    {
        _output.Write(block.Compressed);
        _crc = Crc32.Combine(_crc, block.Crc, block.InputLength);
        _length += block.InputLength;
    }
}
