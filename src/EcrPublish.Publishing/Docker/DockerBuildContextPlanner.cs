namespace EcrPublish.Docker;

/// <summary>
/// Decides what goes into the build context: the context root (publish output by default, or a given directory)
/// less what .dockerignore excludes, plus the Dockerfile and the .dockerignore itself (which Docker always sends,
/// so the engine can drop them from COPY when they are listed).
/// </summary>
internal static class DockerBuildContextPlanner
{
    private const string DockerfileName = "Dockerfile";
    private const string DockerIgnoreName = ".dockerignore";

    // Used when the context already holds a different file named Dockerfile.
    private const string FallbackDockerfileName = ".ecrpublish.Dockerfile";

    public static DockerBuildContextPlan Plan(DockerBuildRequest request)
    {
        var dockerfile = Path.GetFullPath(request.DockerfilePath);
        if (!File.Exists(dockerfile))
        {
            throw new DockerEngineException(DockerErrorCodes.DockerfileMissing,
                $"The Dockerfile '{dockerfile}' does not exist. Create it or point EcrDockerfile at the right file.");
        }

        var root = request.ContextDirectory ?? request.PublishDirectory
            ?? throw new ArgumentException("A build needs a PublishDirectory or a ContextDirectory.", nameof(request));
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root))
        {
            throw new DockerEngineException(DockerErrorCodes.BuildContextMissing,
                $"The build context directory '{root}' does not exist. Publish the project first, or point EcrDockerContext at an existing directory.");
        }

        var dockerIgnore = FindDockerIgnore(dockerfile, root, request.ContextDirectory is null);
        var ignore = DockerIgnoreMatcher.Load(dockerIgnore);
        var entries = new SortedDictionary<string, DockerBuildContextEntry>(StringComparer.Ordinal);
        Walk(root, root, ignore, entries);

        var dockerfileName = RelativeInside(root, dockerfile)
            ?? (entries.ContainsKey(DockerfileName) ? FallbackDockerfileName : DockerfileName);
        entries[dockerfileName] = new DockerBuildContextEntry(dockerfileName, dockerfile, DockerBuildContextEntryKind.File);
        if (dockerIgnore is not null)
        {
            var ignoreName = RelativeInside(root, dockerIgnore) ?? DockerIgnoreName;
            entries[ignoreName] = new DockerBuildContextEntry(ignoreName, dockerIgnore, DockerBuildContextEntryKind.File);
        }

        return new DockerBuildContextPlan(entries.Values.ToList(), dockerfileName);
    }

    // Docker's order: <Dockerfile>.dockerignore next to the Dockerfile, then the context root's .dockerignore; with the
    // publish output as context, the project's .dockerignore sits next to the Dockerfile.
    private static string? FindDockerIgnore(string dockerfile, string root, bool publishOutputContext)
    {
        var candidates = new List<string> { dockerfile + DockerIgnoreName, Path.Combine(root, DockerIgnoreName) };
        if (publishOutputContext)
        {
            candidates.Add(Path.Combine(Path.GetDirectoryName(dockerfile)!, DockerIgnoreName));
        }

        return candidates.FirstOrDefault(File.Exists);
    }

    private static void Walk(string root, string directory, DockerIgnoreMatcher ignore, SortedDictionary<string, DockerBuildContextEntry> entries)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(directory))
        {
            var name = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            var info = new FileInfo(path);
            var isDirectory = info.Attributes.HasFlag(FileAttributes.Directory);
            var excluded = ignore.IsExcluded(name);
            if (info.LinkTarget is not null)
            {
                if (!excluded)
                {
                    entries[name] = new DockerBuildContextEntry(name, path, DockerBuildContextEntryKind.SymbolicLink);
                }
            }
            else if (isDirectory)
            {
                if (!excluded)
                {
                    entries[name] = new DockerBuildContextEntry(name, path, DockerBuildContextEntryKind.Directory);
                }

                // An exception line (!dir/keep) can re-include a file inside an excluded directory, so keep walking.
                Walk(root, path, ignore, entries);
            }
            else if (!excluded)
            {
                entries[name] = new DockerBuildContextEntry(name, path, DockerBuildContextEntryKind.File);
            }
        }
    }

    private static string? RelativeInside(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
