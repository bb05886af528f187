var app = WebApplication.CreateBuilder(args).Build();

app.MapGet("/", () => "Hello from HelloApi, published with EcrPublish.");
app.MapGet("/health", () => "healthy");

app.Run();
