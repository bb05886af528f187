var app = WebApplication.CreateBuilder(args).Build();

app.MapGet("/", () => Shared.Greeting.For("Catalog.Api"));
app.MapGet("/health", () => "healthy");

app.Run();
