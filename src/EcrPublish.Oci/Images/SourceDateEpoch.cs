using System.Globalization;

namespace EcrPublish.Images;

/// <summary>
/// The single timestamp a reproducible image uses for file times, <c>created</c> and history:
/// the caller's value, else <c>SOURCE_DATE_EPOCH</c> (reproducible-builds.org), else the Unix epoch.
/// </summary>
public static class SourceDateEpoch
{
    public const string VariableName = "SOURCE_DATE_EPOCH";

    public static DateTimeOffset Resolve(DateTimeOffset? explicitTime, string? environmentValue)
    {
        if (explicitTime is { } time)
        {
            return time.ToUniversalTime();
        }

        if (string.IsNullOrWhiteSpace(environmentValue))
        {
            return DateTimeOffset.UnixEpoch;
        }

        if (!long.TryParse(environmentValue.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new ImageBuildException(ImageErrorCodes.InvalidSourceDateEpoch,
                $"{VariableName}='{environmentValue}' is not a number of seconds since 1970-01-01. Set it to e.g. $(git log -1 --format=%ct).");
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    /// <summary>Resolves from the process environment.</summary>
    public static DateTimeOffset Resolve(DateTimeOffset? explicitTime) =>
        Resolve(explicitTime, Environment.GetEnvironmentVariable(VariableName));
}
