namespace EcrPublish.Registry;

/// <summary>A progress report: blob bytes sent so far and blobs finished (uploaded, mounted or already present).</summary>
public sealed record PushProgress(long BytesSent, long TotalBytes, int BlobsDone, int BlobsTotal);
