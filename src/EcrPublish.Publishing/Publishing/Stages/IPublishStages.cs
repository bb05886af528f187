namespace EcrPublish.Publishing.Stages;

/// <summary>The stages of one publish, in the order <see cref="EcrPublishPipeline"/> runs them.</summary>
public interface IPublishStages : IDisposable
{
    /// <summary>Builds the image (daemonless or through a Docker engine) without changing anything in ECR.</summary>
    IImageBuildStage ImageBuild { get; }

    /// <summary>Loads the built image into a local engine (EcrLoadInto).</summary>
    ILoadStage Load { get; }

    /// <summary>Makes the repository exist as the project declares it.</summary>
    IProvisionStage Provision { get; }

    /// <summary>Pushes what <see cref="ImageBuild"/> made, blobs first and manifests last.</summary>
    IPushStage Push { get; }

    /// <summary>Attaches referrers (SBOM, provenance, signature) to the pushed image.</summary>
    IAttachStage Attach { get; }

    /// <summary>Waits for ECR's managed signing of the pushed image.</summary>
    ISigningWaitStage SigningWait { get; }

    /// <summary>Waits for the image scan and applies the severity gate.</summary>
    IScanGateStage ScanGate { get; }

    /// <summary>Writes the result file and the CI reports.</summary>
    IReportStage Report { get; }
}
