using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Hosting;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Features.Identity;

/// <summary><c>dotnet run --project api -- admin grant someone@example.org</c>: makes a person an admin (for a new installation).</summary>
public sealed class AdminCommand : IHostCommand
{
    public string Name => "admin";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args is not ["grant", var email] || !email.Contains('@'))
        {
            await Console.Error.WriteLineAsync("Usage: admin grant EMAIL");
            return 2;
        }

        var id = await BootstrapAdmins.GrantAdminAsync(
            services.GetRequiredService<Database>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IAuditLog>(),
            TextRules.NormaliseEmail(email), CancellationToken.None);
        Console.WriteLine($"{TextRules.NormaliseEmail(email)} is an admin (user {id}).");
        return 0;
    }
}
