namespace EcrPublish.Lifecycle;

/// <summary>Stable codes of lifecycle policy problems (ECR41xx). docs/errors/lifecycle.md explains each one.</summary>
public static class LifecyclePolicyErrorCodes
{
    /// <summary>The policy text is shorter than 100 or longer than 30,720 characters.</summary>
    public const string TextLength = "ECR4101";

    /// <summary>The text is not JSON, or not a JSON object.</summary>
    public const string NotAPolicy = "ECR4102";

    /// <summary>A required member (rules, rulePriority, selection, action, tagStatus, countType, countNumber, type) is missing.</summary>
    public const string MissingProperty = "ECR4103";

    /// <summary>A member ECR does not know (a typo, or a field of another tool).</summary>
    public const string UnknownProperty = "ECR4104";

    /// <summary>A value has the wrong JSON type (including <c>null</c>).</summary>
    public const string WrongType = "ECR4105";

    /// <summary>A value is not one of the allowed words (tagStatus, storageClass, countUnit, action.type, targetStorageClass).</summary>
    public const string NotInEnum = "ECR4106";

    /// <summary>rulePriority or countNumber is below 1.</summary>
    public const string BelowMinimum = "ECR4107";

    /// <summary>Two rules share a rulePriority.</summary>
    public const string DuplicatePriority = "ECR4108";

    /// <summary>tagged without exactly one of tagPrefixList/tagPatternList, or a list on an untagged/any rule.</summary>
    public const string TagListMismatch = "ECR4109";

    /// <summary>A tagPatternList entry has more than four <c>*</c> wildcards.</summary>
    public const string TooManyWildcards = "ECR4110";

    /// <summary>countType and countUnit do not fit together (or countType is unknown).</summary>
    public const string CountTypeMismatch = "ECR4111";

    /// <summary>storageClass does not fit the countType (archive only with sinceImageTransitioned).</summary>
    public const string StorageClassMismatch = "ECR4112";

    /// <summary>The action does not fit the rule (transition needs targetStorageClass archive; sinceImagePulled only transitions; sinceImageTransitioned only expires).</summary>
    public const string ActionMismatch = "ECR4113";

    /// <summary>A rule would delete archived images before their 90-day minimum archive duration.</summary>
    public const string ArchiveMinimumDuration = "ECR4114";

    /// <summary>More than one untagged rule for the same storage class.</summary>
    public const string DuplicateUntaggedRule = "ECR4115";

    /// <summary>An <c>any</c> rule does not have the highest rulePriority of its storage class.</summary>
    public const string AnyRuleNotLast = "ECR4116";

    /// <summary>Two tagged rules of the same storage class select the same set of prefixes/patterns.</summary>
    public const string DuplicateTagSelection = "ECR4117";

    /// <summary>More than 50 rules.</summary>
    public const string TooManyRules = "ECR4118";
}
