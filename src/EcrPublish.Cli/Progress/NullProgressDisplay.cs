namespace EcrPublish.Cli.Progress;

/// <summary>Shows nothing: for commands that must print exactly what the AWS CLI prints when not on a terminal.</summary>
internal sealed class NullProgressDisplay : IProgressDisplay
{
    public static readonly NullProgressDisplay Instance = new();

    private NullProgressDisplay()
    {
    }

    public void Status(string text)
    {
    }

    public void Line(string text)
    {
    }

    public void Print(TextWriter output, string text) => output.Write(text);

    public void Dispose()
    {
    }
}
