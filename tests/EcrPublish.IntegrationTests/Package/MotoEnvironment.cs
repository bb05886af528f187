namespace EcrPublish.IntegrationTests.Package;

/// <summary>The environment of a 'dotnet publish' against moto: its test credentials and region, no endpoint or profile from the machine.</summary>
internal static class MotoEnvironment
{
    public static Dictionary<string, string?> For(string accessKey = "testing", string secretKey = "testing") => new()
    {
        ["AWS_ACCESS_KEY_ID"] = accessKey,
        ["AWS_SECRET_ACCESS_KEY"] = secretKey,
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ENDPOINT_URL"] = null,
        ["AWS_ENDPOINT_URL_ECR"] = null,
        ["AWS_PROFILE"] = null,
    };
}
