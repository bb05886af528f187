using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcrPublish.Lifecycle;

/// <summary>
/// Writes lifecycle enums in the policy's camelCase spelling (<c>imageCountMoreThan</c>) and reads any casing,
/// so that both policy text (<c>expire</c>) and API wire values (<c>EXPIRE</c>) map to the same member.
/// Numbers are refused: ECR's schema only accepts strings.
/// </summary>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
