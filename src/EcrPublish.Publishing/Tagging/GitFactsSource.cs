namespace EcrPublish.Tagging;

/// <summary>Where the commit facts came from.</summary>
public enum GitFactsSource
{
    /// <summary>Nothing is known: no repository and no CI commit variable.</summary>
    None,

    /// <summary>Read from the local git repository.</summary>
    Repository,

    /// <summary>Taken from CI variables because the repository could not be read.</summary>
    CiEnvironment,
}
