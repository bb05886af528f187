namespace EcrPublish.Testing;

/// <summary>Texts users copy from the ECR cheat sheet (shared/seed), used by more than one test project.</summary>
internal static class CheatSheet
{
    /// <summary>The "keep tagged, expire old untagged" lifecycle policy.</summary>
    public const string LifecyclePolicy = """
        {
            "rules": [
                {
                    "rulePriority": 1,
                    "description": "Expire untagged images older than 1 day",
                    "selection": {
                        "tagStatus": "untagged",
                        "countType": "sinceImagePushed",
                        "countUnit": "days",
                        "countNumber": 1
                    },
                    "action": {
                        "type": "expire"
                    }
                },
                {
                    "rulePriority": 2,
                    "description": "Keep only 10 dev images",
                    "selection": {
                        "tagStatus": "tagged",
                        "tagPrefixList": ["dev-", "feature-"],
                        "countType": "imageCountMoreThan",
                        "countNumber": 10
                    },
                    "action": {
                        "type": "expire"
                    }
                },
                {
                    "rulePriority": 3,
                    "description": "Keep last 50 production images",
                    "selection": {
                        "tagStatus": "tagged",
                        "tagPrefixList": ["v", "release-"],
                        "countType": "imageCountMoreThan",
                        "countNumber": 50
                    },
                    "action": {
                        "type": "expire"
                    }
                }
            ]
        }
        """;
}
