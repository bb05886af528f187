using System.Text.RegularExpressions;

namespace EcrPublish.Aws;

/// <summary>An AWS partition: which regions belong to it and the DNS suffixes of its endpoints (botocore partitions.json).</summary>
public sealed record AwsPartition(string Id, string RegionPattern, string DnsSuffix, string DualStackDnsSuffix)
{
    /// <summary>The partitions known to botocore, in its lookup order.</summary>
    public static IReadOnlyList<AwsPartition> All { get; } =
    [
        new("aws", @"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$", "amazonaws.com", "api.aws"),
        new("aws-cn", @"^cn\-\w+\-\d+$", "amazonaws.com.cn", "api.amazonwebservices.com.cn"),
        new("aws-eusc", @"^eusc\-(de)\-\w+\-\d+$", "amazonaws.eu", "api.amazonwebservices.eu"),
        new("aws-iso", @"^us\-iso\-\w+\-\d+$", "c2s.ic.gov", "api.aws.ic.gov"),
        new("aws-iso-b", @"^us\-isob\-\w+\-\d+$", "sc2s.sgov.gov", "api.aws.scloud"),
        new("aws-iso-e", @"^eu\-isoe\-\w+\-\d+$", "cloud.adc-e.uk", "api.cloud-aws.adc-e.uk"),
        new("aws-iso-f", @"^us\-isof\-\w+\-\d+$", "csp.hci.ic.gov", "api.aws.hci.ic.gov"),
        new("aws-us-gov", @"^us\-gov\-\w+\-\d+$", "amazonaws.com", "api.aws"),
    ];

    /// <summary>The partition of a region; unknown regions fall back to <c>aws</c>, as in the endpoint rule set.</summary>
    public static AwsPartition ForRegion(string region)
    {
        foreach (var partition in All.Skip(1))
        {
            if (Regex.IsMatch(region, partition.RegionPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                return partition;
            }
        }

        return All[0];
    }
}
