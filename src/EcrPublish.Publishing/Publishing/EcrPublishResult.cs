namespace EcrPublish.Publishing;

/// <summary>What a publish produced: one image per repository push (one today; several for solutions later).</summary>
public sealed record EcrPublishResult(IReadOnlyList<EcrPublishedImage> Images);
