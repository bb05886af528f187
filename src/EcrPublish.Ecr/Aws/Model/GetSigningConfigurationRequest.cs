// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's GetSigningConfiguration operation.</summary>
public sealed class GetSigningConfigurationRequest
{
}
