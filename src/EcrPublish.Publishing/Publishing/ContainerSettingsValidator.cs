using System.Globalization;
using System.Text.RegularExpressions;
using EcrPublish.EcrRules;
using EcrPublish.Tagging;
using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>Checks the SDK <c>Container*</c> inputs that the image builder would otherwise reject halfway through.</summary>
internal static partial class ContainerSettingsValidator
{
    private static readonly string[] ImageFormats = ["OCI", "Docker"];
    private static readonly string[] AppCommandInstructions = ["Entrypoint", "DefaultArgs", "None"];

    public static ContainerSettings Validate(EcrPublishInputs inputs, List<EcrDiagnostic> diagnostics)
    {
        var ports = new List<ContainerPortSpec>();
        foreach (var (number, type) in inputs.ContainerPorts)
        {
            var protocol = string.IsNullOrWhiteSpace(type) ? "tcp" : type.Trim().ToLowerInvariant();
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535 || protocol is not ("tcp" or "udp"))
            {
                diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidContainerPort, $"ContainerPort '{number}' (Type '{type}') is invalid: the port must be 1 to 65535 and Type tcp or udp."));
                continue;
            }

            ports.Add(new ContainerPortSpec(port, protocol));
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in inputs.ContainerEnvironmentVariables)
        {
            if (EnvironmentVariableName().IsMatch(name))
            {
                variables[name] = value;
            }
            else
            {
                diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidContainerEnvironmentVariable, $"ContainerEnvironmentVariable '{name}' is not a valid variable name: use letters, digits and '_', not starting with a digit."));
            }
        }

        // The family becomes part of the inferred base image's tag (runtime:10.0-<family>).
        if (inputs.Container.Family is { } family && !EcrImageTag.IsValid("0-" + family))
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidContainerFamily, $"ContainerFamily '{family}' cannot be part of an image tag: use letters, digits, '_', '.' and '-' (e.g. noble-chiseled)."));
        }

        return inputs.Container with
        {
            Ports = ports,
            EnvironmentVariables = variables,
            ImageFormat = InputParsing.OneOf(inputs.ContainerImageFormat, ImageFormats, "ContainerImageFormat", InputCodes.InvalidContainerImageFormat, diagnostics),
            AppCommandInstruction = InputParsing.OneOf(inputs.ContainerAppCommandInstruction, AppCommandInstructions, "ContainerAppCommandInstruction", InputCodes.InvalidContainerAppCommandInstruction, diagnostics),
            GenerateLabels = InputParsing.ParseBoolean(inputs.ContainerGenerateLabels, "ContainerGenerateLabels", diagnostics) ?? true,
        };
    }

    // The SDK's own rule for ContainerEnvironmentVariable names.
    [GeneratedRegex(@"^[a-zA-Z_][a-zA-Z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentVariableName();
}
