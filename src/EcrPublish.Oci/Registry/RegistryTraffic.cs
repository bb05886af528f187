namespace EcrPublish.Registry;

/// <summary>Counts what a client sent: requests (including token requests) and request-body bytes.</summary>
public sealed class RegistryTraffic
{
    private long _requests;
    private long _bytesSent;

    public long Requests => Interlocked.Read(ref _requests);

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    internal void Record(long bodyBytes)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bytesSent, bodyBytes);
    }
}
