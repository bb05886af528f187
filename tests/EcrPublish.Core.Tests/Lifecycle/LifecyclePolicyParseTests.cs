using EcrPublish.Lifecycle;
using Xunit;

namespace EcrPublish.Core.Tests.Lifecycle;

public sealed class LifecyclePolicyParseTests
{
    [Fact]
    public void Reads_every_member_and_keeps_the_original_text()
    {
        const string Text = """
            { "rules": [ { "action": { "targetStorageClass": "archive", "type": "transition" },
                           "selection": { "countNumber": 90, "countUnit": "days", "countType": "sinceImagePulled",
                                          "tagPatternList": ["prod*", "*-rc"], "tagStatus": "tagged" },
                           "description": "archive stale prod images", "rulePriority": 4 } ] }
            """;

        var policy = LifecyclePolicy.Parse(Text);

        Assert.Equal(Text, policy.Text);
        var rule = Assert.Single(policy.Rules);
        Assert.Equal(4, rule.RulePriority);
        Assert.Equal("archive stale prod images", rule.Description);
        Assert.Equal(LifecycleTagStatus.Tagged, rule.Selection.TagStatus);
        Assert.Equal(["prod*", "*-rc"], rule.Selection.TagPatternList!);
        Assert.Null(rule.Selection.TagPrefixList);
        Assert.Null(rule.Selection.StorageClass);
        Assert.Equal(LifecycleStorageClass.Standard, rule.Selection.EffectiveStorageClass);
        Assert.Equal(LifecycleCountType.SinceImagePulled, rule.Selection.CountType);
        Assert.Equal(LifecycleCountUnit.Days, rule.Selection.CountUnit);
        Assert.Equal(90, rule.Selection.CountNumber);
        Assert.Equal(LifecycleActionType.Transition, rule.Action.Type);
        Assert.Equal(LifecycleStorageClass.Archive, rule.Action.TargetStorageClass);
    }

    [Fact]
    public void Reads_enum_words_in_api_wire_casing()
    {
        var policy = LifecyclePolicy.Parse(
            """{"rules":[{"rulePriority":1,"selection":{"tagStatus":"UNTAGGED","storageClass":"STANDARD","countType":"SINCEIMAGEPUSHED","countUnit":"DAYS","countNumber":3},"action":{"type":"EXPIRE"}}]}""");

        var rule = Assert.Single(policy.Rules);
        Assert.Equal(LifecycleTagStatus.Untagged, rule.Selection.TagStatus);
        Assert.Equal(LifecycleStorageClass.Standard, rule.Selection.StorageClass);
        Assert.Equal(LifecycleCountType.SinceImagePushed, rule.Selection.CountType);
        Assert.Equal(LifecycleActionType.Expire, rule.Action.Type);
    }

    [Fact]
    public void Writes_compact_json_in_the_policy_spelling_that_reads_back_the_same()
    {
        var policy = LifecyclePolicy.Parse(
            """{"rules":[{"rulePriority":2,"selection":{"tagStatus":"Tagged","tagPrefixList":["v"],"countType":"ImageCountMoreThan","countNumber":5},"action":{"type":"Expire"}}]}""");

        var json = policy.ToJson();

        Assert.Equal(
            """{"rules":[{"rulePriority":2,"selection":{"tagStatus":"tagged","tagPrefixList":["v"],"countType":"imageCountMoreThan","countNumber":5},"action":{"type":"expire"}}]}""",
            json);
        Assert.True(LifecyclePolicyValidator.Validate(json.Replace("\"rulePriority\":2,", "\"rulePriority\":2,\"description\":\"padding\",", StringComparison.Ordinal)).IsValid);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("""{"rules":null}""")]
    [InlineData("""{"rules":[null]}""")]
    [InlineData("""{"rules":[{"rulePriority":1,"selection":null,"action":{"type":"expire"}}]}""")]
    [InlineData("""{"rules":[{"rulePriority":1,"selection":{"tagStatus":"tagged","tagPrefixList":[null],"countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}""")]
    [InlineData("""{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan"},"action":{"type":"expire"}}]}""")]
    [InlineData("""{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":1},"action":{"type":0}}]}""")]
    public void Refuses_text_that_cannot_be_a_policy_with_ECR4102(string text)
    {
        var exception = Assert.Throws<LifecyclePolicyFormatException>(() => LifecyclePolicy.Parse(text));

        Assert.StartsWith("ECR4102: ", exception.Message, StringComparison.Ordinal);
        Assert.Equal("ECR4102", exception.Code);
    }
}
