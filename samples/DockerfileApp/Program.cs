var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => "Hello from DockerfileApp");

// VERSION and GIT_SHA are build args of the Dockerfile, baked into the image's environment.
app.MapGet("/version", () => new
{
    Version = Environment.GetEnvironmentVariable("APP_VERSION"),
    Revision = Environment.GetEnvironmentVariable("APP_GIT_SHA"),
    Greeting = app.Configuration["Greeting"],
});

app.Run();
