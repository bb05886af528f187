using EcrPublish.Cli.Arguments;
using EcrPublish.LocalEcr;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// <c>dotnet ecr local [--port N] [--data DIR] [--account ID] [--region R] ...</c>: runs LocalEcr (ECR API and
/// registry on one loopback port) until Ctrl+C, and prints how to point the AWS CLI, dotnet ecr and docker at it.
/// </summary>
internal sealed class LocalEcrCommand(TextWriter output, Func<string, string?> environment)
{
    public static string Help =>
        "NAME\n    local\n\nDESCRIPTION\n" +
        "    Runs LocalEcr, an ECR-compatible API and registry on loopback, for offline\n" +
        "    pipelines and tests. Stop it with Ctrl+C.\n\n" +
        "SYNOPSIS\n" + string.Join('\n', LocalEcrCommandLine.Usage.Split('\n').Skip(1).Select(l => "  " + l.TrimEnd())) + "\n\n" +
        "EXAMPLES\n    # Start LocalEcr on port 5005, then use it like ECR\n" +
        "    dotnet ecr local --port 5005\n" +
        "    dotnet ecr --endpoint-url http://127.0.0.1:5005 create-repository --repository-name my-app/backend\n";

    public async Task<int> RunAsync(IReadOnlyList<string> words, GlobalOptions globals, CancellationToken cancellationToken)
    {
        LocalEcrOptions options;
        try
        {
            options = LocalEcrCommandLine.Parse(words, environment);
        }
        catch (LocalEcrException e)
        {
            throw new CliUsageException(e.Message);
        }

        // --region is a global option of dotnet ecr, so it reaches here already taken out of the words.
        if (globals.Region is not null)
        {
            options.Region = globals.Region;
        }

        await using var server = await LocalEcrServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
        var endpoint = server.Endpoint.GetLeftPart(UriPartial.Authority);
        output.Write($"LocalEcr: ECR API and registry on {endpoint} (registry id {options.AccountId}, region {options.Region})\n");
        output.Write($"LocalEcr: data in {server.DataDirectory}{(options.DataDirectory is null ? " (temporary, removed on exit)" : "")}\n");
        output.Write($"LocalEcr: sign requests with access key '{options.AccessKeyId}'; press Ctrl+C to stop\n");
        output.Write($"dotnet ecr --endpoint-url {endpoint} --region {options.Region} describe-repositories\n");
        output.Write($"dotnet ecr --endpoint-url {endpoint} --region {options.Region} login --registry {server.RegistryHost}\n");
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: a normal stop.
        }

        return 0;
    }
}
