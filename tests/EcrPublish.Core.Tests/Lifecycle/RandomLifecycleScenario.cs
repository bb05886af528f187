using EcrPublish.Lifecycle;

namespace EcrPublish.Core.Tests.Lifecycle;

/// <summary>A random repository and policy for the property tests, fully determined by a seed.</summary>
internal sealed class RandomLifecycleScenario
{
    private static readonly string[] TagWords =
        ["prod", "prod-1", "prod-2", "beta-1", "beta-2", "alpha-3", "v1.0", "v1.1", "v2.0", "release-7", "latest", "dev-x", "feature-y", "git-abc", "16.1", "16_2"];

    private static readonly string[] Prefixes = ["prod", "beta", "v1", "v", "rel", "dev-", "feature-", "16", "16.", "git", "alpha"];

    private static readonly string[] Patterns = ["prod*", "*-1", "v*.*", "*a*", "beta*", "*", "*-*", "latest", "release-*", "*1*0"];

    private static readonly int MinutesIn90Days = 90 * 24 * 60;

    private RandomLifecycleScenario(int seed)
    {
        var random = new Random(seed);
        Seed = seed;
        Images = RandomImages(random);
        Policy = new LifecyclePolicy { Rules = RandomRules(random) };
    }

    public static DateTimeOffset Now => ImageSet.Now;

    public int Seed { get; }

    public IReadOnlyList<LifecycleImage> Images { get; }

    public LifecyclePolicy Policy { get; }

    public static IEnumerable<RandomLifecycleScenario> All(int count) =>
        Enumerable.Range(0, count).Select(seed => new RandomLifecycleScenario(seed));

    public override string ToString() => $"seed {Seed}";

    private static List<LifecycleImage> RandomImages(Random random)
    {
        var count = random.Next(0, 15);
        // Distinct effective push times, so "the N youngest" is unambiguous.
        var minutesAgo = new HashSet<int>();
        while (minutesAgo.Count < count)
        {
            minutesAgo.Add(random.Next(0, MinutesIn90Days));
        }

        return minutesAgo.Select((minutes, index) => RandomImage(random, index, Now - TimeSpan.FromMinutes(minutes))).ToList();
    }

    private static LifecycleImage RandomImage(Random random, int index, DateTimeOffset effectivePush)
    {
        var restored = random.Next(10) == 0;
        var archived = random.Next(5) == 0;
        return new LifecycleImage
        {
            Digest = ImageSet.DigestOf($"image-{index}"),
            Tags = TagWords.OrderBy(_ => random.Next()).Take(random.Next(0, 4)).ToList(),
            PushedAt = restored ? effectivePush - TimeSpan.FromDays(random.Next(91, 400)) : effectivePush,
            LastActivatedAt = restored ? effectivePush : null,
            LastRecordedPullTime = random.Next(2) == 0 ? Now - TimeSpan.FromMinutes(random.Next(0, MinutesIn90Days)) : null,
            StorageClass = archived ? LifecycleStorageClass.Archive : LifecycleStorageClass.Standard,
            LastArchivedAt = archived ? Now - TimeSpan.FromDays(random.Next(0, 400)) : null,
            ReferencedByManifestList = random.Next(10) == 0,
        };
    }

    private static List<LifecycleRule> RandomRules(Random random)
    {
        var priorities = Enumerable.Range(1, 20).OrderBy(_ => random.Next()).Take(random.Next(1, 6)).ToList();
        return priorities.Select(priority => random.Next(5) == 0 ? RandomArchiveRule(random, priority) : RandomStandardRule(random, priority)).ToList();
    }

    private static LifecycleRule RandomArchiveRule(Random random, int priority) => new()
    {
        RulePriority = priority,
        Selection = new LifecycleSelection
        {
            TagStatus = LifecycleTagStatus.Any,
            StorageClass = LifecycleStorageClass.Archive,
            CountType = LifecycleCountType.SinceImageTransitioned,
            CountUnit = LifecycleCountUnit.Days,
            CountNumber = random.Next(90, 300),
        },
        Action = new LifecycleAction { Type = LifecycleActionType.Expire },
    };

    private static LifecycleRule RandomStandardRule(Random random, int priority)
    {
        var tagStatus = (LifecycleTagStatus)random.Next(3);
        var usePrefixes = random.Next(2) == 0;
        var entries = tagStatus == LifecycleTagStatus.Tagged
            ? (usePrefixes ? Prefixes : Patterns).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList()
            : null;
        var countType = (LifecycleCountType)random.Next(3);
        var transition = countType == LifecycleCountType.SinceImagePulled || random.Next(4) == 0;
        return new LifecycleRule
        {
            RulePriority = priority,
            Selection = new LifecycleSelection
            {
                TagStatus = tagStatus,
                TagPrefixList = usePrefixes ? entries : null,
                TagPatternList = usePrefixes ? null : entries,
                CountType = countType,
                CountUnit = countType == LifecycleCountType.ImageCountMoreThan ? null : LifecycleCountUnit.Days,
                CountNumber = countType == LifecycleCountType.ImageCountMoreThan ? random.Next(1, 6) : random.Next(1, 60),
            },
            Action = transition
                ? new LifecycleAction { Type = LifecycleActionType.Transition, TargetStorageClass = LifecycleStorageClass.Archive }
                : new LifecycleAction { Type = LifecycleActionType.Expire },
        };
    }
}
