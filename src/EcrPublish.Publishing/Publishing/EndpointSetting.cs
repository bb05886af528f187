namespace EcrPublish.Publishing;

/// <summary>One endpoint URL setting as <see cref="EndpointInput"/> reads it: what its errors name and which codes they carry.</summary>
/// <param name="Name">How the messages name the setting: <c>EcrServiceUrl</c>, or <c>EcrDestination 'dr': ServiceUrl</c>.</param>
/// <param name="Example">A URL of the right form, shown when the value is not one.</param>
/// <param name="Secret">What plain http would carry in clear: <c>the ECR password</c>, ….</param>
/// <param name="InvalidCode">The code of a value that is not an absolute http(s) URL.</param>
/// <param name="InsecureCode">The code of plain http to a host that is not loopback.</param>
internal sealed record EndpointSetting(string Name, string Example, string Secret, string InvalidCode, string InsecureCode);
