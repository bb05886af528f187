namespace Shared;

/// <summary>Text both services answer with, to show a shared library inside each image.</summary>
public static class Greeting
{
    public static string For(string service) => $"Hello from {service}, published with EcrPublish.";
}
