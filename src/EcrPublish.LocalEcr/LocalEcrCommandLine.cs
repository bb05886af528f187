using System.Globalization;
using EcrPublish.LocalEcr.Security;
using EcrPublish.Text;

namespace EcrPublish.LocalEcr;

/// <summary>
/// Parses <c>[--port N] [--data DIR] [--account ID] [--region R] [--hostname NAME] [--access-key ID --secret-key KEY | --secret-key-file FILE]
/// [--put-image-rate N] [--lifecycle-interval T] [--vuln-db DIR] [--log]</c> into <see cref="LocalEcrOptions"/>; the
/// keys may also come from <c>LOCALECR_ACCESS_KEY</c> and <c>LOCALECR_SECRET_KEY</c>, which <c>ps</c> does not show.
/// </summary>
public static class LocalEcrCommandLine
{
    /// <summary>The usage text printed for <c>--help</c> and after an argument error.</summary>
    public const string Usage = """
        Usage: EcrPublish.LocalEcr [--port N] [--data DIR] [--account 123456789012] [--region us-east-1]
                                   [--hostname NAME] [--access-key ID --secret-key-file FILE]
                                   [--put-image-rate N] [--lifecycle-interval T] [--vuln-db DIR] [--log]
          --port        loopback port to listen on (default 0 = a free port)
          --data        directory where repositories and images persist (default: a new temporary directory)
          --account     12-digit account id used as registryId and in ARNs (default 123456789012)
          --region      the default registry's region (default us-east-1); requests signed for another
                        region, or with another registryId, reach that region's or account's registry
          --hostname    a name (besides localhost, 127.x.x.x, [::1]) that requests may be addressed to;
                        requests with any other Host header are refused (421)
          --access-key  access key id clients sign with (default: test; or $LOCALECR_ACCESS_KEY)
          --secret-key-file  file holding the secret access key clients sign with (or $LOCALECR_SECRET_KEY;
                        default: test). --secret-key KEY also works but shows the key to anyone running ps
          --put-image-rate  throttle PutImage/manifest PUTs to N per second like ECR's quota (default: unlimited)
          --lifecycle-interval  run the repositories' lifecycle policies every T (e.g. 30s, 10m, 1h; default: only on
                        POST /_localecr/lifecycle/run)
          --vuln-db     directory of OSV JSON vulnerability entries that image scans match against (default: none)
          --log         print one line per request
        """;

    /// <summary>Options from the arguments; throws <see cref="LocalEcrException"/> (ECR5003) for a bad argument.</summary>
    public static LocalEcrOptions Parse(IReadOnlyList<string> args) => Parse(args, Environment.GetEnvironmentVariable);

    /// <inheritdoc cref="Parse(IReadOnlyList{string})"/>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    public static LocalEcrOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var options = new LocalEcrOptions();
        string? accessKey = null;
        string? secretKey = null;
        string? secretKeyFile = null;
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
                    options.LifecycleInterval = DurationText.Parse(value) is { } interval && interval > TimeSpan.Zero
                        ? interval
                        : throw new LocalEcrException("ECR5003", $"--lifecycle-interval '{value}' is not a positive duration: use {DurationText.Forms}.");
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
                case "--secret-key-file":
                    secretKeyFile = Path.GetFullPath(value);
                    break;
                case "--hostname":
                    options.Hostname = value;
                    break;
                default:
                    throw new LocalEcrException("ECR5003", $"Unknown argument '{name}'.\n{Usage}");
            }
        }

        if (secretKey is not null && secretKeyFile is not null)
        {
            throw new LocalEcrException("ECR5006", "Pass either --secret-key or --secret-key-file, not both.");
        }

        secretKey ??= secretKeyFile is null ? NonEmpty(environment("LOCALECR_SECRET_KEY")) : SecretKeyFile.Read(secretKeyFile);
        accessKey ??= NonEmpty(environment("LOCALECR_ACCESS_KEY"));
        if ((accessKey is null) != (secretKey is null))
        {
            throw new LocalEcrException("ECR5003", "Pass --access-key (or LOCALECR_ACCESS_KEY) and --secret-key-file (or LOCALECR_SECRET_KEY) together, or neither for test/test.");
        }

        options.AccessKeyId = accessKey ?? options.AccessKeyId;
        options.SecretAccessKey = secretKey ?? options.SecretAccessKey;
        return options;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
