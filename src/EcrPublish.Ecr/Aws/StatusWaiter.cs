namespace EcrPublish.Aws;

/// <summary>
/// botocore's waiter loop for the two ECR waiters: call, match the status path against the acceptors
/// (<c>COMPLETE</c> = success, <c>FAILED</c> = failure), sleep <c>delay</c>, give up after <c>maxAttempts</c>.
/// An error response matches no acceptor and therefore ends the wait (it propagates), as in botocore.
/// </summary>
internal static class StatusWaiter
{
    public const string SuccessStatus = "COMPLETE";
    public const string FailureStatus = "FAILED";

    public static async Task<T> WaitAsync<T>(
        string waiterName,
        Func<CancellationToken, Task<T>> poll,
        Func<T, (string? Status, string? Description)> status,
        WaiterOptions options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var maxAttempts = Math.Max(1, options.MaxAttempts);
        string? lastStatus = null;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            var result = await poll(cancellationToken).ConfigureAwait(false);
            var (current, description) = status(result);
            lastStatus = current;
            if (current == SuccessStatus)
            {
                return result;
            }

            if (current == FailureStatus)
            {
                throw new EcrClientException(
                    AwsClientErrorCodes.WaiterFailed,
                    $"{waiterName} reached the failure state {FailureStatus}: {description ?? "no description"}.");
            }

            if (attempt < maxAttempts)
            {
                await Task.Delay(options.Delay, clock, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new EcrClientException(
            AwsClientErrorCodes.WaiterTimedOut,
            $"{waiterName} gave up after {maxAttempts} attempts ({options.Delay.TotalSeconds:0.#} s apart); the last status was " +
            $"'{lastStatus ?? "none"}'. Wait longer (raise MaxAttempts) or check the status in the console.");
    }
}
