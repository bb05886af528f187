namespace EcrPublish.Cli.Output;

/// <summary>Python's <c>sorted()</c> order for strings: by code point (UTF-16 ordinal outside surrogates).</summary>
internal sealed class PythonStringComparer : IComparer<string>
{
    public static PythonStringComparer Instance { get; } = new();

    public int Compare(string? x, string? y) => string.CompareOrdinal(x, y);
}
