namespace EcrPublish.EcrRules;

/// <summary>Which part of <see cref="EcrRepositoryName"/>'s rule a name breaks, so each caller can word it.</summary>
public enum RepositoryNameVerdict
{
    Valid,
    TooShort,
    TooLong,
    BadCharacters,
}
