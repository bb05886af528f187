using EcrPublish.Docker;
using Xunit;

namespace EcrPublish.Core.Tests.Docker;

public sealed class DockerBuildContextPlannerTests
{
    [Fact]
    public void The_default_context_is_the_publish_output_less_ignored_files_plus_the_Dockerfile_and_dockerignore()
    {
        using var project = new TemporaryDirectory();
        var dockerfile = project.Write("Dockerfile", "FROM scratch");
        project.Write(".dockerignore", "**/*.pdb\nappsettings*.json\n!appsettings.json\n");
        project.Write("Program.cs");
        project.Write("out/App.dll");
        project.Write("out/App.pdb");
        project.Write("out/appsettings.json");
        project.Write("out/appsettings.Development.json");
        project.Write("out/runtimes/linux-x64/native/lib.so");
        project.Write("out/runtimes/linux-x64/native/lib.pdb");

        var plan = DockerBuildContextPlanner.Plan(new DockerBuildRequest { DockerfilePath = dockerfile, PublishDirectory = Path.Combine(project.Path, "out") });

        Assert.Equal("Dockerfile", plan.DockerfileName);
        Assert.Equal(
            [".dockerignore", "App.dll", "Dockerfile", "appsettings.json", "runtimes", "runtimes/linux-x64", "runtimes/linux-x64/native", "runtimes/linux-x64/native/lib.so"],
            plan.Entries.Select(entry => entry.Name));
        Assert.Equal(dockerfile, plan.Entries.Single(entry => entry.Name == "Dockerfile").SourcePath);
        Assert.Equal(DockerBuildContextEntryKind.Directory, plan.Entries.Single(entry => entry.Name == "runtimes").Kind);
    }

    [Fact]
    public void A_publish_output_that_holds_a_file_named_Dockerfile_keeps_it_and_the_Dockerfile_travels_under_another_name()
    {
        using var project = new TemporaryDirectory();
        var dockerfile = project.Write("Dockerfile", "FROM scratch");
        project.Write("out/Dockerfile", "not the one to build");

        var plan = DockerBuildContextPlanner.Plan(new DockerBuildRequest { DockerfilePath = dockerfile, PublishDirectory = Path.Combine(project.Path, "out") });

        Assert.Equal(".ecrpublish.Dockerfile", plan.DockerfileName);
        Assert.Equal(dockerfile, plan.Entries.Single(entry => entry.Name == ".ecrpublish.Dockerfile").SourcePath);
        Assert.Contains(plan.Entries, entry => entry.Name == "Dockerfile" && entry.SourcePath != dockerfile);
    }

    [Fact]
    public void A_context_directory_is_sent_whole_and_a_Dockerfile_inside_it_keeps_its_relative_path()
    {
        using var project = new TemporaryDirectory();
        var dockerfile = project.Write("docker/App.Dockerfile", "FROM scratch");
        project.Write(".dockerignore", "bin\nobj\n");
        project.Write("src/Program.cs");
        project.Write("bin/Debug/App.dll");
        project.Write("obj/project.assets.json");

        var plan = DockerBuildContextPlanner.Plan(new DockerBuildRequest
        {
            DockerfilePath = dockerfile,
            ContextDirectory = project.Path,
            PublishDirectory = Path.Combine(project.Path, "bin"),
        });

        Assert.Equal("docker/App.Dockerfile", plan.DockerfileName);
        Assert.Equal([".dockerignore", "docker", "docker/App.Dockerfile", "src", "src/Program.cs"], plan.Entries.Select(entry => entry.Name));
    }

    [Fact]
    public void A_Dockerfile_specific_dockerignore_wins_over_the_context_one()
    {
        using var project = new TemporaryDirectory();
        var dockerfile = project.Write("Dockerfile", "FROM scratch");
        project.Write("Dockerfile.dockerignore", "*.txt\n");
        project.Write(".dockerignore", "*.dll\n");
        project.Write("out/App.dll");
        project.Write("out/notes.txt");

        var plan = DockerBuildContextPlanner.Plan(new DockerBuildRequest { DockerfilePath = dockerfile, PublishDirectory = Path.Combine(project.Path, "out") });

        Assert.Contains(plan.Entries, entry => entry.Name == "App.dll");
        Assert.DoesNotContain(plan.Entries, entry => entry.Name == "notes.txt");
    }

    [Fact]
    public void A_missing_Dockerfile_or_context_is_a_coded_error()
    {
        using var project = new TemporaryDirectory();
        var dockerfile = project.Write("Dockerfile", "FROM scratch");

        var noDockerfile = Assert.Throws<DockerEngineException>(() => DockerBuildContextPlanner.Plan(
            new DockerBuildRequest { DockerfilePath = Path.Combine(project.Path, "Missing.Dockerfile"), PublishDirectory = project.Path }));
        var noContext = Assert.Throws<DockerEngineException>(() => DockerBuildContextPlanner.Plan(
            new DockerBuildRequest { DockerfilePath = dockerfile, PublishDirectory = Path.Combine(project.Path, "out") }));

        Assert.Equal(DockerErrorCodes.DockerfileMissing, noDockerfile.Code);
        Assert.Contains("Missing.Dockerfile", noDockerfile.Message, StringComparison.Ordinal);
        Assert.Equal(DockerErrorCodes.BuildContextMissing, noContext.Code);
        Assert.Contains(Path.Combine(project.Path, "out"), noContext.Message, StringComparison.Ordinal);
    }
}
