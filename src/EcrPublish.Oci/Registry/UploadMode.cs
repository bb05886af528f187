namespace EcrPublish.Registry;

/// <summary>How a blob's bytes are sent once an upload session is open.</summary>
public enum UploadMode
{
    /// <summary>One PATCH with the whole blob, then an empty PUT ?digest= (the docker/ggcr shape ECR is proven with); chunked when the registry rejects its size.</summary>
    PatchThenPut,

    /// <summary>One PUT ?digest= carrying the whole blob (one request fewer).</summary>
    PutWithBody,

    /// <summary>PATCH parts of <see cref="PushOptions.ChunkSize"/> bytes, then an empty PUT.</summary>
    Chunked,
}
