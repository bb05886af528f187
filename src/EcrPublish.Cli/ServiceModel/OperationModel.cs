namespace EcrPublish.Cli.ServiceModel;

/// <summary>An operation of the service model (e.g. <c>DescribeImages</c>) with its input and output shapes.</summary>
internal sealed record OperationModel(
    string Name,
    string CliName,
    ShapeModel? Input,
    ShapeModel? Output,
    string Documentation,
    PaginatorModel? Paginator);
