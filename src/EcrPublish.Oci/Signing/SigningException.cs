namespace EcrPublish.Signing;

/// <summary>A signing key, certificate or signing service problem the user can fix (<see cref="SigningErrorCodes"/>).</summary>
public sealed class SigningException(string code, string message, Exception? innerException = null)
    : EcrPublishException(code, message, innerException);
