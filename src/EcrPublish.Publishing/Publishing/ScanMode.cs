namespace EcrPublish.Publishing;

/// <summary>What happens with ECR image scanning after the push (<c>EcrScan</c>).</summary>
public enum ScanMode
{
    /// <summary>Do not look at scan results.</summary>
    None,

    /// <summary>Wait for the scan the repository starts on push.</summary>
    Wait,

    /// <summary>Start an on-demand scan, then wait for it.</summary>
    Start,
}
