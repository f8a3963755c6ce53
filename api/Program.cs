using Alumni.Api.Infrastructure.Hosting;

var builder = WebApplication.CreateBuilder(Commands.HostArgs(args));
builder.AddAlumni();
var app = builder.Build();
app.UseAlumni();
return await Commands.RunAsync(app, args);

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
