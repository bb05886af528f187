namespace EcrPublish.Lifecycle;

/// <summary>
/// ECR's checks on a single, structurally sound rule: which members belong together (tag lists and tagStatus,
/// countType and countUnit, storage class, action) and the wildcard limit.
/// </summary>
internal static class LifecycleRuleChecker
{
    private const string NoSchemaMatched = "instance failed to match exactly one schema (matched 0 out of 2)";

    /// <summary>ECR keeps archived images at least this long, so a rule may not delete them sooner.</summary>
    public const int MinimumArchiveDays = 90;

    public static void Check(IndexedLifecycleRule indexed, ICollection<LifecyclePolicyError> errors)
    {
        var path = $"{indexed.Path}.selection";
        var selection = indexed.Rule.Selection;
        CheckTagLists(selection, path, errors);
        CheckCount(selection, path, errors);
        CheckStorageClass(selection, path, errors);
        CheckAction(indexed.Rule, indexed.Path, errors);
    }

    private static void CheckTagLists(LifecycleSelection selection, string path, ICollection<LifecyclePolicyError> errors)
    {
        var hasPrefixes = selection.TagPrefixList is { Count: > 0 };
        var hasPatterns = selection.TagPatternList is { Count: > 0 };
        if (selection.TagStatus == LifecycleTagStatus.Tagged)
        {
            if (!hasPrefixes && !hasPatterns)
            {
                errors.Add(Failure(
                    LifecyclePolicyErrorCodes.TagListMismatch,
                    path,
                    "Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.",
                    "a tagged rule needs a non-empty tagPrefixList or tagPatternList; use tagStatus \"any\" to select every image."));
            }
            else if (selection.TagPrefixList is not null && selection.TagPatternList is not null)
            {
                errors.Add(Failure(
                    LifecyclePolicyErrorCodes.TagListMismatch,
                    path,
                    "A lifecycle policy rule may specify either tagPatternList or tagPrefixList, but not both.",
                    "keep either tagPrefixList or tagPatternList in this rule, or split it into two rules."));
            }
        }
        else if (selection.TagPrefixList is not null || selection.TagPatternList is not null)
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.TagListMismatch,
                path,
                "The tagPatternList or tagPrefixList parameters may only be used if the tagStatus is tagged.",
                "remove tagPrefixList/tagPatternList, or set tagStatus to \"tagged\"."));
        }

        if (selection.TagPatternList is null)
        {
            return;
        }

        for (var index = 0; index < selection.TagPatternList.Count; index++)
        {
            var pattern = selection.TagPatternList[index];
            var wildcards = TagPatternMatcher.CountWildcards(pattern);
            if (wildcards > TagPatternMatcher.MaximumWildcards)
            {
                errors.Add(Failure(
                    LifecyclePolicyErrorCodes.TooManyWildcards,
                    $"{path}.tagPatternList[{index}]",
                    $"There is a maximum limit of four wildcards (*) per string; '{pattern}' has {wildcards}.",
                    $"use at most {TagPatternMatcher.MaximumWildcards} '*' in \"{pattern}\"."));
            }
        }
    }

    private static void CheckCount(LifecycleSelection selection, string path, ICollection<LifecyclePolicyError> errors)
    {
        if (selection.CountType == LifecycleCountType.ImageCountMoreThan && selection.CountUnit is not null)
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.CountTypeMismatch,
                $"{path}.countUnit",
                NoSchemaMatched,
                "remove countUnit: imageCountMoreThan counts images, it has no unit."));
        }
        else if (selection.CountType != LifecycleCountType.ImageCountMoreThan && selection.CountUnit is null)
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.CountTypeMismatch,
                path,
                NoSchemaMatched,
                $"add \"countUnit\": \"days\": countType {Name(selection.CountType)} is an age limit."));
        }
    }

    private static void CheckStorageClass(LifecycleSelection selection, string path, ICollection<LifecyclePolicyError> errors)
    {
        var transitioned = selection.CountType == LifecycleCountType.SinceImageTransitioned;
        var archive = selection.EffectiveStorageClass == LifecycleStorageClass.Archive;
        if (transitioned && !archive)
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.StorageClassMismatch,
                path,
                "When using a count type of sinceImageTransitioned, storageClass is required, and the only supported value is archive.",
                "add \"storageClass\": \"archive\" to a sinceImageTransitioned rule."));
        }
        else if (!transitioned && archive)
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.StorageClassMismatch,
                $"{path}.storageClass",
                $"When using a countType of {Name(selection.CountType)}, the only supported storageClass value is standard.",
                "use storageClass \"archive\" only with countType sinceImageTransitioned; leave it out otherwise."));
        }

        if (transitioned && selection.CountNumber < MinimumArchiveDays)
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.ArchiveMinimumDuration,
                $"{path}.countNumber",
                "You cannot configure lifecycle policies that delete images that have been in archive for less than 90 days.",
                $"set countNumber to {MinimumArchiveDays} or more: archived images have a minimum storage duration of {MinimumArchiveDays} days."));
        }
    }

    private static void CheckAction(LifecycleRule rule, string path, ICollection<LifecyclePolicyError> errors)
    {
        var action = rule.Action;
        var countType = rule.Selection.CountType;
        if (action.Type == LifecycleActionType.Transition && action.TargetStorageClass is null)
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.ActionMismatch,
                $"{path}.action",
                NoSchemaMatched,
                "add \"targetStorageClass\": \"archive\" to a transition action."));
        }
        else if (action.Type == LifecycleActionType.Expire && action.TargetStorageClass is not null)
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.ActionMismatch,
                $"{path}.action.targetStorageClass",
                NoSchemaMatched,
                "remove targetStorageClass: it only belongs to a transition action."));
        }

        if (countType == LifecycleCountType.SinceImagePulled && action.Type != LifecycleActionType.Transition)
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.ActionMismatch,
                $"{path}.action.type",
                "The sinceImagePulled count type must be used with the transition action. It cannot be used with the expire action.",
                "use action transition to archive for sinceImagePulled, then expire archived images with a sinceImageTransitioned rule."));
        }
        else if (countType == LifecycleCountType.SinceImageTransitioned && action.Type != LifecycleActionType.Expire)
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.ActionMismatch,
                $"{path}.action.type",
                "The sinceImageTransitioned count type must be used with the expire action and the archive storage class.",
                "use action expire for a sinceImageTransitioned rule."));
        }
    }

    private static string Name(LifecycleCountType countType) => countType switch
    {
        LifecycleCountType.ImageCountMoreThan => "imageCountMoreThan",
        LifecycleCountType.SinceImagePushed => "sinceImagePushed",
        LifecycleCountType.SinceImagePulled => "sinceImagePulled",
        _ => "sinceImageTransitioned",
    };

    private static LifecyclePolicyError Failure(string code, string path, string detail, string help) =>
        new(code, path, LifecyclePolicyMessages.PolicyValidationFailure(detail), help);
}
