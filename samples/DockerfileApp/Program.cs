var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => "Hello from DockerfileApp");

// VERSION and GIT_SHA are build args of the Dockerfile: the final stage bakes them into the environment,
// the first stage into build-stamp.txt.
app.MapGet("/version", () => new
{
    Version = Environment.GetEnvironmentVariable("APP_VERSION"),
    Revision = Environment.GetEnvironmentVariable("APP_GIT_SHA"),
    Stamp = File.Exists("build-stamp.txt") ? File.ReadAllText("build-stamp.txt").Trim() : null,
    Greeting = app.Configuration["Greeting"],
});

app.Run();
