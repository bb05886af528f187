namespace EcrPublish.Cli.Verbs;

/// <summary>
/// What <c>images cleanup</c> does: the images to delete, in waves (an index is deleted in a wave before the images
/// it lists, as ECR requires), and the untagged images it keeps with their reasons.
/// </summary>
internal sealed record CleanupPlan(IReadOnlyList<IReadOnlyList<RepositoryImage>> DeletionWaves, IReadOnlyList<KeptImage> Kept)
{
    public IEnumerable<RepositoryImage> Deleted => DeletionWaves.SelectMany(wave => wave);

    public int DeletedCount => DeletionWaves.Sum(wave => wave.Count);
}
