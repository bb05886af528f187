using System.Globalization;

namespace EcrPublish.LocalEcr;

/// <summary>
/// Parses <c>[--port N] [--data DIR] [--account ID] [--region R] [--access-key ID --secret-key KEY] [--put-image-rate N] [--lifecycle-interval T] [--vuln-db DIR] [--log]</c>
/// into <see cref="LocalEcrOptions"/>.
/// </summary>
public static class LocalEcrCommandLine
{
    /// <summary>The usage text printed for <c>--help</c> and after an argument error.</summary>
    public const string Usage = """
        Usage: EcrPublish.LocalEcr [--port N] [--data DIR] [--account 123456789012] [--region us-east-1]
                                   [--access-key ID --secret-key KEY] [--put-image-rate N]
                                   [--lifecycle-interval T] [--vuln-db DIR] [--log]
          --port        loopback port to listen on (default 0 = a free port)
          --data        directory where repositories and images persist (default: a new temporary directory)
          --account     12-digit account id used as registryId and in ARNs (default 123456789012)
          --region      the default registry's region (default us-east-1); requests signed for another
                        region, or with another registryId, reach that region's or account's registry
          --access-key  access key id clients sign with (default: test)
          --secret-key  secret access key clients sign with (default: test)
          --put-image-rate  throttle PutImage/manifest PUTs to N per second like ECR's quota (default: unlimited)
          --lifecycle-interval  run the repositories' lifecycle policies every T (e.g. 30s, 10m, 1h; default: only on
                        POST /_localecr/lifecycle/run)
          --vuln-db     directory of OSV JSON vulnerability entries that image scans match against (default: none)
          --log         print one line per request
        """;

    /// <summary>Options from the arguments; throws <see cref="LocalEcrException"/> (ECR5003) for a bad argument.</summary>
    public static LocalEcrOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LocalEcrOptions();
        string? accessKey = null;
        string? secretKey = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--log")
            {
                options.LogRequests = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new LocalEcrException("ECR5003", $"Argument '{name}' needs a value.\n{Usage}");
            }

            var value = args[++i];
            switch (name)
            {
                case "--port":
                    options.Port = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                        ? port
                        : throw new LocalEcrException("ECR5003", $"--port '{value}' is not a number.");
                    break;
                case "--put-image-rate":
                    options.PutImageRatePerSecond = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rate) && rate > 0
                        ? rate
                        : throw new LocalEcrException("ECR5003", $"--put-image-rate '{value}' is not a positive number.");
                    break;
                case "--lifecycle-interval":
                    options.LifecycleInterval = DurationArgument.Parse(value)
                        ?? throw new LocalEcrException("ECR5003", $"--lifecycle-interval '{value}' is not a positive duration like 30s, 10m or 1h.");
                    break;
                case "--vuln-db":
                    options.VulnerabilityDatabaseDirectory = Path.GetFullPath(value);
                    break;
                case "--data":
                    options.DataDirectory = Path.GetFullPath(value);
                    break;
                case "--account":
                    options.AccountId = value;
                    break;
                case "--region":
                    options.Region = value;
                    break;
                case "--access-key":
                    accessKey = value;
                    break;
                case "--secret-key":
                    secretKey = value;
                    break;
                default:
                    throw new LocalEcrException("ECR5003", $"Unknown argument '{name}'.\n{Usage}");
            }
        }

        if ((accessKey is null) != (secretKey is null))
        {
            throw new LocalEcrException("ECR5003", "Pass --access-key and --secret-key together (or neither, for test/test).");
        }

        options.AccessKeyId = accessKey ?? options.AccessKeyId;
        options.SecretAccessKey = secretKey ?? options.SecretAccessKey;
        return options;
    }
}
