var app = WebApplication.CreateBuilder(args).Build();

app.MapGet("/", () => Shared.Greeting.For("Orders.Api"));
app.MapGet("/health", () => "healthy");

app.Run();
