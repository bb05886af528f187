using System.Text.RegularExpressions;

namespace EcrPublish.Validation;

/// <summary>The shape of an AWS region code such as <c>us-east-1</c>, <c>us-gov-west-1</c> or <c>eusc-de-east-1</c>.</summary>
public static partial class AwsRegionRules
{
    // Shape only, not a list: new regions appear every year and must work without an EcrPublish update.
    public static bool IsValid(string region) => RegionShape().IsMatch(region);

    [GeneratedRegex(@"^[a-z]{2,4}(?:-[a-z]+)+-[0-9]{1,2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex RegionShape();
}
