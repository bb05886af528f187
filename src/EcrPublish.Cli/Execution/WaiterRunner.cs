using System.Text.Json.Nodes;
using EcrPublish.Cli.Output;
using EcrPublish.Cli.Progress;
using EcrPublish.Cli.ServiceModel;

namespace EcrPublish.Cli.Execution;

/// <summary>
/// botocore's waiter loop: call, test the acceptors in order, sleep the model's delay, give up after its
/// maximum attempts. A service error that no acceptor expects fails the wait at once. Each attempt is reported to
/// <paramref name="progress"/> (a live line on a terminal).
/// </summary>
internal sealed class WaiterRunner(OperationCaller caller, Func<TimeSpan, CancellationToken, Task> delay, IProgressDisplay? progress = null)
{
    public async Task WaitAsync(WaiterModel waiter, OperationModel operation, JsonObject parameters, CancellationToken cancellationToken)
    {
        WaiterAcceptor? lastMatched = null;
        for (var attempt = 1; ; attempt++)
        {
            progress?.Status($"Waiting for {waiter.CliName}: attempt {attempt} of {waiter.MaxAttempts}, every {waiter.DelaySeconds}s");
            JsonObject? response = null;
            EcrOperationException? error = null;
            try
            {
                response = await caller.CallAsync(operation, parameters, cancellationToken).ConfigureAwait(false);
            }
            catch (EcrOperationException e)
            {
                error = e;
            }

            var matched = waiter.Acceptors.FirstOrDefault(a => Matches(a, response, error));
            if (matched is not null)
            {
                lastMatched = matched;
            }
            else if (error is not null)
            {
                throw new WaiterFailedException(waiter.Name, $"An error occurred ({error.ErrorCode}): {error.ServiceMessage}");
            }

            switch (matched?.State)
            {
                case "success":
                    return;
                case "failure":
                    throw new WaiterFailedException(waiter.Name, "Waiter encountered a terminal failure state: " + Explain(matched));
            }

            if (attempt >= waiter.MaxAttempts)
            {
                throw new WaiterFailedException(waiter.Name, lastMatched is null
                    ? "Max attempts exceeded"
                    : "Max attempts exceeded. Previously accepted state: " + Explain(lastMatched));
            }

            await delay(TimeSpan.FromSeconds(waiter.DelaySeconds), cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool Matches(WaiterAcceptor acceptor, JsonObject? response, EcrOperationException? error)
    {
        switch (acceptor.Matcher)
        {
            case "error":
                return error is not null && error.ErrorCode == acceptor.Expected;
            case "status":
                // Service errors are HTTP 400s (500 for ServerException); successes are 200.
                return acceptor.Expected == (error is null ? "200" : error.ErrorCode == "ServerException" ? "500" : "400");
        }

        if (response is null || acceptor.Argument is null)
        {
            return false;
        }

        var found = JmesPathQuery.Compile(acceptor.Argument).Search(response);
        return acceptor.Matcher switch
        {
            "path" => Equal(found, acceptor.Expected),
            "pathAll" => found is JsonArray { Count: > 0 } all && all.All(e => Equal(e, acceptor.Expected)),
            "pathAny" => found is JsonArray any && any.Any(e => Equal(e, acceptor.Expected)),
            _ => false,
        };
    }

    private static bool Equal(JsonNode? found, string expected) =>
        found is not null && (found.GetValueKind() == System.Text.Json.JsonValueKind.String ? found.GetValue<string>() : found.ToJsonString()) == expected;

    private static string Explain(WaiterAcceptor acceptor) => acceptor.Matcher switch
    {
        "path" => $"For expression \"{acceptor.Argument}\" we matched expected path: \"{acceptor.Expected}\"",
        "pathAll" => $"For expression \"{acceptor.Argument}\" all members matched excepted path: \"{acceptor.Expected}\"",
        "pathAny" => $"For expression \"{acceptor.Argument}\" we matched expected path: \"{acceptor.Expected}\" at least once",
        "status" => $"Matched expected HTTP status code: {acceptor.Expected}",
        "error" => $"Matched expected service error code: {acceptor.Expected}",
        _ => $"No explanation for unknown waiter type: \"{acceptor.Matcher}\"",
    };
}
