namespace EcrPublish.IntegrationTests.Cli;

/// <summary>The JSON documents of the cheat sheet, written to files for <c>file://</c> options.</summary>
internal static class CheatSheetFiles
{
    public const string LifecyclePolicy = """
        {
            "rules": [
                {
                    "rulePriority": 1,
                    "description": "Expire untagged images older than 1 day",
                    "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 1},
                    "action": {"type": "expire"}
                },
                {
                    "rulePriority": 2,
                    "description": "Keep only 10 dev images",
                    "selection": {"tagStatus": "tagged", "tagPrefixList": ["dev-", "feature-"], "countType": "imageCountMoreThan", "countNumber": 10},
                    "action": {"type": "expire"}
                },
                {
                    "rulePriority": 3,
                    "description": "Keep last 50 production images",
                    "selection": {"tagStatus": "tagged", "tagPrefixList": ["v", "release-"], "countType": "imageCountMoreThan", "countNumber": 50},
                    "action": {"type": "expire"}
                }
            ]
        }
        """;

    public const string RepositoryPolicy = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "AllowCrossAccountPull",
                    "Effect": "Allow",
                    "Principal": {"AWS": ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"]},
                    "Action": ["ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "ecr:BatchCheckLayerAvailability"]
                }
            ]
        }
        """;

    public const string ReplicationConfiguration = """
        {
            "rules": [
                {
                    "destinations": [
                        {"region": "eu-west-1", "registryId": "123456789012"},
                        {"region": "ap-southeast-1", "registryId": "123456789012"},
                        {"region": "us-west-2", "registryId": "123456789012"}
                    ],
                    "repositoryFilters": [{"filter": "prod/", "filterType": "PREFIX_MATCH"}]
                }
            ]
        }
        """;

    public const string RegistryPolicy = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "AllowReplicationFromAccount",
                    "Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::111111111111:root"},
                    "Action": ["ecr:CreateRepository", "ecr:ReplicateImage"],
                    "Resource": "arn:aws:ecr:us-east-1:123456789012:repository/*"
                }
            ]
        }
        """;

    /// <summary>Writes <paramref name="content"/> to a fresh file and returns its <c>file://</c> URI.</summary>
    public static string Write(string name, string content)
    {
        var directory = Directory.CreateTempSubdirectory("ecr-cli-parity-").FullName;
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return "file://" + path;
    }

    /// <summary>A schema 2 manifest; <paramref name="variant"/> changes its sizes and layer digest, so its image digest.</summary>
    public static string Manifest(int variant) =>
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\",\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\"," +
        $"\"size\":{variant},\"digest\":\"sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7\"}},\"layers\":[{{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\"," +
        $"\"size\":32654,\"digest\":\"sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc{variant % 0x10000:x4}\"}}]}}";
}
