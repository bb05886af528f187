using EcrPublish.Lifecycle;
using EcrPublish.Testing;
using Xunit;
using static EcrPublish.Core.Tests.Lifecycle.PolicyText;

namespace EcrPublish.Core.Tests.Lifecycle;

public sealed class LifecyclePolicyValidatorTests
{
    private const string Untagged1Day = """{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":1}""";
    private const string Any5 = """{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":5}""";
    private const string Prod10 = """{"tagStatus":"tagged","tagPrefixList":["prod"],"countType":"imageCountMoreThan","countNumber":10}""";

    /// <summary>The "keep tagged, expire old untagged" policy from the ECR cheat sheet users copy.</summary>
    private const string CheatSheetPolicy = CheatSheet.LifecyclePolicy;

    [Fact]
    public void Accepts_the_cheat_sheet_policy_and_keeps_its_text()
    {
        var result = LifecyclePolicyValidator.Validate(CheatSheetPolicy);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Null(result.EcrMessage);
        Assert.Equal(CheatSheetPolicy, result.Policy!.Text);
        Assert.Equal([1, 2, 3], result.Policy.Rules.Select(rule => rule.RulePriority));
        Assert.Equal(["dev-", "feature-"], result.Policy.Rules[1].Selection.TagPrefixList!);
    }

    [Fact]
    public void Accepts_an_archive_policy_with_an_any_rule_last_in_each_storage_class()
    {
        var result = LifecyclePolicyValidator.Validate(Policy(
            Rule(1, """{"tagStatus":"tagged","tagPatternList":["prod*"],"countType":"sinceImagePulled","countUnit":"days","countNumber":90}""", TransitionToArchive),
            Rule(2, """{"tagStatus":"any","countType":"sinceImagePushed","countUnit":"days","countNumber":30}""", TransitionToArchive),
            Rule(3, """{"tagStatus":"any","storageClass":"archive","countType":"sinceImageTransitioned","countUnit":"days","countNumber":365}""")));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [Theory]
    [InlineData(99, "must have length greater than or equal to 100")]
    [InlineData(30721, "must have length less than or equal to 30720")]
    public void ECR4101_text_length_outside_100_to_30720(int length, string constraint)
    {
        var text = Policy(Rule(1, Any5));
        text = length < text.Length ? text[..length] : text.Replace("rule 1 of", "rule 1 " + new string('x', length - text.Length) + "of", StringComparison.Ordinal);
        Assert.Equal(length, text.Length);

        var result = LifecyclePolicyValidator.Validate(text);

        var error = result.Errors[0];
        Assert.Equal(LifecyclePolicyErrorCodes.TextLength, error.Code);
        Assert.Equal($"Invalid parameter at 'lifecyclePolicyText' failed to satisfy constraint: '{constraint}'", error.EcrMessage);
        Assert.Equal(error.EcrMessage, result.EcrMessage);
    }

    [Theory]
    [InlineData("this is not JSON at all, just a long sentence that is certainly longer than one hundred characters ....")]
    [InlineData("[\"rules\", \"an array is no policy\", \"padding padding padding padding padding padding padding padding\"]")]
    public void ECR4102_text_that_is_not_a_json_object(string text)
    {
        var error = Assert.Single(LifecyclePolicyValidator.Validate(text).Errors);

        Assert.Equal(LifecyclePolicyErrorCodes.NotAPolicy, error.Code);
        Assert.Equal(
            "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: Could not map policyString into LifecyclePolicy.'",
            error.EcrMessage);
    }

    [Fact]
    public void ECR4103_missing_required_members_are_listed_sorted_like_ecr()
    {
        var errors = Errors(Policy(
            """{"rulePriority":1,"description":"no action at all, and a selection without countNumber","selection":{"tagStatus":"any","countType":"imageCountMoreThan"}}"""));

        Assert.Equal(
            [
                (LifecyclePolicyErrorCodes.MissingProperty, "rules[0]", "object has missing required properties ([\"action\"])"),
                (LifecyclePolicyErrorCodes.MissingProperty, "rules[0].selection", "object has missing required properties ([\"countNumber\"])"),
            ],
            errors);
    }

    [Fact]
    public void ECR4103_policy_without_rules()
    {
        var errors = Errors("""{"Rules":[], "description": "a policy with a capitalised member name, which ECR does not know about at all"}""");

        Assert.Equal(
            [
                (LifecyclePolicyErrorCodes.MissingProperty, "", "object has missing required properties ([\"rules\"])"),
                (LifecyclePolicyErrorCodes.UnknownProperty, "", "object instance has properties which are not allowed by the schema: ([\"Rules\", \"description\"])"),
            ],
            errors);
    }

    [Fact]
    public void ECR4104_unknown_members_in_rule_selection_and_action()
    {
        var errors = Errors(Policy(
            """{"rulePriority":1,"name":"x","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":5,"maxAge":3},"action":{"type":"expire","dryRun":true}}"""));

        Assert.Equal(
            [
                (LifecyclePolicyErrorCodes.UnknownProperty, "rules[0]", "object instance has properties which are not allowed by the schema: ([\"name\"])"),
                (LifecyclePolicyErrorCodes.UnknownProperty, "rules[0].selection", "object instance has properties which are not allowed by the schema: ([\"maxAge\"])"),
                (LifecyclePolicyErrorCodes.UnknownProperty, "rules[0].action", "object instance has properties which are not allowed by the schema: ([\"dryRun\"])"),
            ],
            errors);
    }

    [Fact]
    public void ECR4105_null_and_wrong_types()
    {
        var errors = Errors(Policy(
            """{"rulePriority":"1","description":7,"selection":{"tagStatus":"tagged","tagPatternList":null,"countType":"imageCountMoreThan","countNumber":2.5},"action":{"type":"expire"}}""",
            """{"rulePriority":2,"selection":{"tagStatus":"tagged","tagPrefixList":["v",3],"countType":"imageCountMoreThan","countNumber":1.0},"action":{"type":"expire"}}"""));

        Assert.Equal(
            [
                (LifecyclePolicyErrorCodes.WrongType, "rules[0].rulePriority", "instance type (string) does not match any allowed primitive type (allowed: [\"integer\"])"),
                (LifecyclePolicyErrorCodes.WrongType, "rules[0].description", "instance type (integer) does not match any allowed primitive type (allowed: [\"string\"])"),
                (LifecyclePolicyErrorCodes.WrongType, "rules[0].selection.tagPatternList", "instance type (null) does not match any allowed primitive type (allowed: [\"array\"])"),
                (LifecyclePolicyErrorCodes.WrongType, "rules[0].selection.countNumber", "instance type (number) does not match any allowed primitive type (allowed: [\"integer\"])"),
                (LifecyclePolicyErrorCodes.WrongType, "rules[1].selection.tagPrefixList[1]", "instance type (integer) does not match any allowed primitive type (allowed: [\"string\"])"),
                (LifecyclePolicyErrorCodes.WrongType, "rules[1].selection.countNumber", "instance type (number) does not match any allowed primitive type (allowed: [\"integer\"])"),
            ],
            errors);
    }

    [Fact]
    public void ECR4106_values_outside_the_allowed_words_including_other_casing()
    {
        var errors = Errors(Policy(
            """{"rulePriority":1,"selection":{"tagStatus":"TAGGED","tagPrefixList":["v"],"storageClass":"glacier","countType":"imageCountMoreThan","countNumber":5},"action":{"type":"delete"}}""",
            """{"rulePriority":2,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"hours","countNumber":5},"action":{"type":"transition","targetStorageClass":"standard"}}"""));

        Assert.Equal(
            [
                (LifecyclePolicyErrorCodes.NotInEnum, "rules[0].selection.tagStatus", "instance value (TAGGED) not found in enum :(possible values: [\"any\", \"tagged\", \"untagged\"])"),
                (LifecyclePolicyErrorCodes.NotInEnum, "rules[0].selection.storageClass", "instance value (glacier) not found in enum :(possible values: [\"archive\", \"standard\"])"),
                (LifecyclePolicyErrorCodes.NotInEnum, "rules[0].action.type", "instance value (delete) not found in enum :(possible values: [\"expire\", \"transition\"])"),
                (LifecyclePolicyErrorCodes.NotInEnum, "rules[1].selection.countUnit", "instance value (hours) not found in enum :(possible values: [\"days\"])"),
                (LifecyclePolicyErrorCodes.NotInEnum, "rules[1].action.targetStorageClass", "instance value (standard) not found in enum :(possible values: [\"archive\"])"),
            ],
            errors);
    }

    [Fact]
    public void ECR4107_zero_or_negative_priority_and_count()
    {
        var errors = Errors(Policy(
            """{"rulePriority":0,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":-3},"action":{"type":"expire"}}"""));

        Assert.Equal(
            [
                (LifecyclePolicyErrorCodes.BelowMinimum, "rules[0].rulePriority", "numeric instance is lower than the required minimum (minimum: 1, found: 0)"),
                (LifecyclePolicyErrorCodes.BelowMinimum, "rules[0].selection.countNumber", "numeric instance is lower than the required minimum (minimum: 1, found: -3)"),
            ],
            errors);
    }

    [Fact]
    public void ECR4108_duplicate_rule_priority()
    {
        var error = Assert.Single(LifecyclePolicyValidator.Validate(Policy(Rule(3, Untagged1Day), Rule(3, Prod10))).Errors);

        Assert.Equal(LifecyclePolicyErrorCodes.DuplicatePriority, error.Code);
        Assert.Equal("rules[1].rulePriority", error.Path);
        Assert.Contains("rules[0]", error.Help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"tagStatus":"tagged","countType":"imageCountMoreThan","countNumber":1}""", "Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.")]
    [InlineData("""{"tagStatus":"tagged","tagPrefixList":[],"countType":"imageCountMoreThan","countNumber":1}""", "Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.")]
    [InlineData("""{"tagStatus":"tagged","tagPrefixList":["v"],"tagPatternList":["v*"],"countType":"imageCountMoreThan","countNumber":1}""", "A lifecycle policy rule may specify either tagPatternList or tagPrefixList, but not both.")]
    [InlineData("""{"tagStatus":"untagged","tagPrefixList":["v"],"countType":"imageCountMoreThan","countNumber":1}""", "The tagPatternList or tagPrefixList parameters may only be used if the tagStatus is tagged.")]
    [InlineData("""{"tagStatus":"any","tagPatternList":["*"],"countType":"imageCountMoreThan","countNumber":1}""", "The tagPatternList or tagPrefixList parameters may only be used if the tagStatus is tagged.")]
    public void ECR4109_tag_lists_that_do_not_fit_tag_status(string selection, string detail)
    {
        var error = Assert.Single(LifecyclePolicyValidator.Validate(Policy(Rule(1, selection))).Errors);

        Assert.Equal(LifecyclePolicyErrorCodes.TagListMismatch, error.Code);
        Assert.Equal(LifecyclePolicyMessages.PolicyValidationFailure(detail), error.EcrMessage);
    }

    [Fact]
    public void ECR4110_more_than_four_wildcards_in_a_pattern()
    {
        var errors = LifecyclePolicyValidator.Validate(Policy(Rule(
            1,
            """{"tagStatus":"tagged","tagPatternList":["*test*1*2*3","test*1*2*3*","test*1*2*3*4*5*6"],"countType":"imageCountMoreThan","countNumber":1}"""))).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(LifecyclePolicyErrorCodes.TooManyWildcards, error.Code);
        Assert.Equal("rules[0].selection.tagPatternList[2]", error.Path);
    }

    [Theory]
    [InlineData("""{"tagStatus":"any","countType":"imageCountMoreThan","countUnit":"days","countNumber":1}""")]
    [InlineData("""{"tagStatus":"any","countType":"sinceImagePushed","countNumber":1}""")]
    [InlineData("""{"tagStatus":"any","countType":"sinceImagePushed","countUnit":null,"countNumber":1}""")]
    [InlineData("""{"tagStatus":"any","countType":"sinceImageDeleted","countUnit":"days","countNumber":1}""")]
    public void ECR4111_count_type_and_unit_that_do_not_fit(string selection)
    {
        var error = Assert.Single(LifecyclePolicyValidator.Validate(Policy(Rule(1, selection))).Errors);

        Assert.Equal(LifecyclePolicyErrorCodes.CountTypeMismatch, error.Code);
        Assert.Equal(
            "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: instance failed to match exactly one schema (matched 0 out of 2)'",
            error.EcrMessage);
    }

    [Theory]
    [InlineData("""{"tagStatus":"any","storageClass":"archive","countType":"sinceImagePushed","countUnit":"days","countNumber":100}""", "{\"type\":\"expire\"}")]
    [InlineData("""{"tagStatus":"any","countType":"sinceImageTransitioned","countUnit":"days","countNumber":100}""", "{\"type\":\"expire\"}")]
    [InlineData("""{"tagStatus":"any","storageClass":"standard","countType":"sinceImageTransitioned","countUnit":"days","countNumber":100}""", "{\"type\":\"expire\"}")]
    public void ECR4112_storage_class_that_does_not_fit_the_count_type(string selection, string action)
    {
        var error = Assert.Single(LifecyclePolicyValidator.Validate(Policy(Rule(1, selection, action))).Errors);

        Assert.Equal(LifecyclePolicyErrorCodes.StorageClassMismatch, error.Code);
    }

    [Theory]
    [InlineData("""{"tagStatus":"any","countType":"sinceImagePushed","countUnit":"days","countNumber":30}""", """{"type":"transition"}""")]
    [InlineData("""{"tagStatus":"any","countType":"sinceImagePushed","countUnit":"days","countNumber":30}""", """{"type":"transition","targetStorageClass":null}""")]
    [InlineData("""{"tagStatus":"any","countType":"sinceImagePushed","countUnit":"days","countNumber":30}""", """{"type":"expire","targetStorageClass":"archive"}""")]
    [InlineData("""{"tagStatus":"any","countType":"sinceImagePulled","countUnit":"days","countNumber":30}""", """{"type":"expire"}""")]
    [InlineData("""{"tagStatus":"any","storageClass":"archive","countType":"sinceImageTransitioned","countUnit":"days","countNumber":90}""", """{"type":"transition","targetStorageClass":"archive"}""")]
    public void ECR4113_action_that_does_not_fit_the_rule(string selection, string action)
    {
        var error = Assert.Single(LifecyclePolicyValidator.Validate(Policy(Rule(1, selection, action))).Errors);

        Assert.Equal(LifecyclePolicyErrorCodes.ActionMismatch, error.Code);
    }

    [Fact]
    public void ECR4114_expiring_archived_images_before_90_days()
    {
        var result = LifecyclePolicyValidator.Validate(Policy(Rule(
            1,
            """{"tagStatus":"any","storageClass":"archive","countType":"sinceImageTransitioned","countUnit":"days","countNumber":89}""")));

        var error = Assert.Single(result.Errors);
        Assert.Equal(LifecyclePolicyErrorCodes.ArchiveMinimumDuration, error.Code);
        Assert.Equal("rules[0].selection.countNumber", error.Path);
    }

    [Fact]
    public void ECR4115_two_untagged_rules_in_one_storage_class()
    {
        var error = Assert.Single(LifecyclePolicyValidator.Validate(Policy(
            Rule(1, Untagged1Day),
            Rule(2, """{"tagStatus":"untagged","countType":"imageCountMoreThan","countNumber":3}"""))).Errors);

        Assert.Equal(LifecyclePolicyErrorCodes.DuplicateUntaggedRule, error.Code);
        Assert.Equal("rules[1].selection.tagStatus", error.Path);
        Assert.Equal(LifecyclePolicyMessages.PolicyValidationFailure("Only one rule can select Untagged images per storage class"), error.EcrMessage);
    }

    [Fact]
    public void ECR4116_any_rule_that_is_not_applied_last_in_its_storage_class()
    {
        var error = Assert.Single(LifecyclePolicyValidator.Validate(Policy(Rule(5, Any5), Rule(7, Prod10))).Errors);

        Assert.Equal(LifecyclePolicyErrorCodes.AnyRuleNotLast, error.Code);
        Assert.Equal("rules[0].rulePriority", error.Path);
        Assert.Equal(LifecyclePolicyMessages.PolicyValidationFailure("Rule for tagStatus=ANY must have the lowest priority per storage class"), error.EcrMessage);
    }

    [Fact]
    public void ECR4117_two_tagged_rules_with_the_same_prefix_set_in_one_storage_class()
    {
        var error = Assert.Single(LifecyclePolicyValidator.Validate(Policy(
            Rule(1, """{"tagStatus":"tagged","tagPrefixList":["prod","v"],"countType":"imageCountMoreThan","countNumber":10}"""),
            Rule(2, """{"tagStatus":"tagged","tagPrefixList":["v","prod"],"countType":"sinceImagePushed","countUnit":"days","countNumber":10}"""))).Errors);

        Assert.Equal(LifecyclePolicyErrorCodes.DuplicateTagSelection, error.Code);
        Assert.Equal("rules[1].selection", error.Path);
    }

    [Fact]
    public void ECR4117_the_same_prefix_as_a_pattern_is_a_different_selection()
    {
        var result = LifecyclePolicyValidator.Validate(Policy(
            Rule(1, """{"tagStatus":"tagged","tagPrefixList":["prod"],"countType":"imageCountMoreThan","countNumber":10}"""),
            Rule(2, """{"tagStatus":"tagged","tagPatternList":["prod"],"countType":"imageCountMoreThan","countNumber":10}""")));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [Fact]
    public void ECR4118_more_than_50_rules()
    {
        var rules = Enumerable.Range(1, 51)
            .Select(priority => Rule(priority, $$"""{"tagStatus":"tagged","tagPrefixList":["p{{priority}}-"],"countType":"imageCountMoreThan","countNumber":1}"""))
            .ToArray();

        var error = Assert.Single(LifecyclePolicyValidator.Validate(Policy(rules)).Errors);

        Assert.Equal(LifecyclePolicyErrorCodes.TooManyRules, error.Code);
    }

    [Fact]
    public void A_duplicated_member_with_a_bad_value_is_reported_wherever_it_is()
    {
        var lastIsBad = LifecyclePolicyValidator.Validate(Policy(Rule(
            1,
            """{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":5,"countNumber":"five"}""")));
        var firstIsBad = LifecyclePolicyValidator.Validate(Policy(Rule(
            1,
            """{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":"five","countNumber":5}""")));

        Assert.Equal(LifecyclePolicyErrorCodes.WrongType, Assert.Single(lastIsBad.Errors).Code);
        var error = Assert.Single(firstIsBad.Errors);
        Assert.Equal(LifecyclePolicyErrorCodes.NotAPolicy, error.Code);
        Assert.Equal("rules[0]", error.Path);
    }

    [Fact]
    public void Reports_every_problem_at_once_and_ecr_message_is_the_first()
    {
        var result = LifecyclePolicyValidator.Validate(Policy(
            Rule(1, Any5),
            Rule(1, """{"tagStatus":"tagged","countType":"imageCountMoreThan","countNumber":0}"""),
            Rule(2, Untagged1Day),
            Rule(3, Untagged1Day)));

        Assert.False(result.IsValid);
        Assert.Null(result.Policy);
        Assert.Equal(
            [
                LifecyclePolicyErrorCodes.BelowMinimum,
                LifecyclePolicyErrorCodes.DuplicateUntaggedRule,
                LifecyclePolicyErrorCodes.AnyRuleNotLast,
            ],
            result.Errors.Select(error => error.Code));
        Assert.Equal(result.Errors[0].EcrMessage, result.EcrMessage);
    }

    [Fact]
    public void Error_text_for_people_has_code_path_and_what_to_do()
    {
        var error = LifecyclePolicyValidator.Validate(Policy(Rule(1, """{"tagStatus":"tagged","countType":"imageCountMoreThan","countNumber":3}"""))).Errors[0];

        Assert.Equal(
            "ECR4109: rules[0].selection: a tagged rule needs a non-empty tagPrefixList or tagPatternList; use tagStatus \"any\" to select every image.",
            error.ToString());
        Assert.Equal("InvalidParameterException", LifecyclePolicyError.ExceptionType);
    }

    private static List<(string Code, string Path, string Detail)> Errors(string text) =>
        LifecyclePolicyValidator.Validate(text).Errors
            .Select(error => (error.Code, error.Path, Detail(error.EcrMessage)))
            .ToList();

    private static string Detail(string ecrMessage)
    {
        const string Prefix = "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: ";
        Assert.StartsWith(Prefix, ecrMessage, StringComparison.Ordinal);
        Assert.EndsWith("'", ecrMessage, StringComparison.Ordinal);
        return ecrMessage[Prefix.Length..^1];
    }
}
