using EcrPublish.LocalEcr.Policies;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>Each rule of <see cref="IamPolicyValidator"/> names the right problem (the API answers only ECR's fixed text).</summary>
public sealed class IamPolicyValidatorTests
{
    private const string Allow = """{"Effect":"Allow","Principal":"*","Action":"ecr:BatchGetImage"}""";

    [Theory]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::1:root"]},"Action":["ecr:BatchGetImage","ecr:Get*"],"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}]}""")]
    [InlineData("""{"Version":"2008-10-17","Statement":{"Sid":"a b","Effect":"Deny","NotPrincipal":{"Service":"codebuild.amazonaws.com"},"NotAction":"*"}}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Sid":"same","Effect":"Allow","Principal":"*","Action":"ecr:*"},{"Sid":"same","Effect":"Allow","Principal":"*","Action":"ecr:*"}]}""")]
    public void Valid_repository_policies_pass(string policy) =>
        Assert.Null(IamPolicyValidator.Problem(policy, PolicyKind.Repository));

    [Theory]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("""{"Version":"2013-01-01","Statement":[""" + Allow + "]}", "Version must be")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*"}]}""", "exactly one of Action and NotAction")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"ecr:*"}]}""", "exactly one of Principal and NotPrincipal")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"someone","Action":"ecr:*"}]}""", "Principal must be")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":{"User":"x"},"Action":"ecr:*"}]}""", "Principal type 'User'")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":[]}]}""", "Action must be a string")]
    [InlineData("""{"Statement":[{"Effect":"allow","Principal":"*","Action":"ecr:*"}]}""", "Effect must be")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"ecr:*","Resource":"a","NotResource":"b"}]}""", "both Resource and NotResource")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"ecr:*","Condition":"x"}]}""", "Condition must be")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"ecr:*","Extra":1}]}""", "unknown member 'Extra'")]
    [InlineData("""{"Statement":[{"Sid":1,"Effect":"Allow","Principal":"*","Action":"ecr:*"}]}""", "Sid must be a string")]
    public void Invalid_repository_policies_name_the_problem(string policy, string problem) =>
        Assert.Contains(problem, IamPolicyValidator.Problem(policy, PolicyKind.Repository), StringComparison.Ordinal);

    [Theory]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"ecr:ReplicateImage"}]}""", "needs a Resource")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"ecr:BatchGetImage","Resource":"*"}]}""", "not allowed in a registry policy")]
    [InlineData("""{"Statement":[{"Sid":"s","Effect":"Allow","Principal":"*","Action":"ecr:ReplicateImage","Resource":"*"},{"Sid":"s","Effect":"Allow","Principal":"*","Action":"ecr:CreateRepository","Resource":"*"}]}""", "used twice")]
    public void Registry_policies_have_stricter_rules(string policy, string problem)
    {
        Assert.Contains(problem, IamPolicyValidator.Problem(policy, PolicyKind.Registry), StringComparison.Ordinal);
    }

    [Fact]
    public void A_replication_registry_policy_passes() =>
        Assert.Null(IamPolicyValidator.Problem(
            """{"Version":"2012-10-17","Statement":[{"Sid":"r","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":["ecr:CreateRepository","ecr:ReplicateImage"],"Resource":"arn:aws:ecr:us-east-1:123456789012:repository/*"}]}""",
            PolicyKind.Registry));

    [Fact]
    public void Valid_identity_policies_pass() =>
        Assert.Null(IamPolicyValidator.Problem(
            """{"Version":"2012-10-17","Statement":[{"Sid":"Registry","Effect":"Allow","Action":["ecr:GetAuthorizationToken"],"Resource":"*"},{"Sid":"Key","Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:eu-west-1:123456789012:key/*","Condition":{"StringEquals":{"kms:ViaService":"ecr.eu-west-1.amazonaws.com"}}}]}""",
            PolicyKind.Identity));

    [Theory]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"ecr:*","Resource":"*"}]}""", "has no Principal")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"ecr:*"}]}""", "needs a Resource or NotResource")]
    [InlineData("""{"Statement":[{"Sid":"a b","Effect":"Allow","Action":"ecr:*","Resource":"*"}]}""", "only letters and digits")]
    [InlineData("""{"Statement":[{"Sid":"s","Effect":"Allow","Action":"ecr:*","Resource":"*"},{"Sid":"s","Effect":"Allow","Action":"ecr:*","Resource":"*"}]}""", "used twice")]
    public void Identity_policies_have_no_principal_and_name_their_resources(string policy, string problem) =>
        Assert.Contains(problem, IamPolicyValidator.Problem(policy, PolicyKind.Identity), StringComparison.Ordinal);
}
