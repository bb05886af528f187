using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>Parses MSBuild text values (booleans, enum names, fixed choices), adding a coded error for bad text.</summary>
internal static class InputParsing
{
    public static string? OneOf(string? value, IReadOnlyList<string> allowed, string propertyName, string code, List<EcrDiagnostic> diagnostics)
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }

        var match = allowed.FirstOrDefault(candidate => string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            diagnostics.Add(EcrDiagnostic.Error(code, $"{propertyName} '{text}' is not one of {string.Join(", ", allowed)}."));
        }

        return match;
    }

    public static TEnum? ParseEnum<TEnum>(string? value, string propertyName, string code, List<EcrDiagnostic> diagnostics)
        where TEnum : struct, Enum
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }

        // Enum.TryParse would also accept numbers such as "1"; users write names.
        var match = Enum.GetValues<TEnum>().Where(candidate => string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count == 1)
        {
            return match[0];
        }

        diagnostics.Add(EcrDiagnostic.Error(code, $"{propertyName} '{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}."));
        return null;
    }

    public static bool? ParseBoolean(string? value, string propertyName, List<EcrDiagnostic> diagnostics)
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }

        if (bool.TryParse(text, out var result))
        {
            return result;
        }

        diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidBoolean, $"{propertyName} '{text}' must be true or false."));
        return null;
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
