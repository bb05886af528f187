namespace EcrPublish.Iam;

/// <summary>Where an ECR repository is: its account, region and name, the parts of its ARN.</summary>
/// <param name="RegistryId">The 12-digit account id that owns the registry.</param>
/// <param name="Region">The region code, e.g. <c>eu-west-1</c>.</param>
/// <param name="Name">The repository name, e.g. <c>team/api</c>.</param>
public sealed record EcrRepositoryLocation(string RegistryId, string Region, string Name)
{
    /// <summary>The repository's ARN in the partition of its region.</summary>
    public string Arn => $"arn:{Aws.AwsPartition.ForRegion(Region).Id}:ecr:{Region}:{RegistryId}:repository/{Name}";
}
