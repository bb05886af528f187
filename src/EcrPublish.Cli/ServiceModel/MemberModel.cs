namespace EcrPublish.Cli.ServiceModel;

/// <summary>A member of a structure shape: its wire name, its shape and its documentation.</summary>
internal sealed record MemberModel(string Name, ShapeModel Shape, string Documentation);
