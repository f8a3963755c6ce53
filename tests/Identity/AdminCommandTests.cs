using Alumni.Api.Features.Identity;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Identity;

namespace Alumni.Api.Tests.Identity;

public sealed class AdminCommandTestsOnSqlite(SqliteApi api) : AdminCommandTests(api), IClassFixture<SqliteApi>;

public sealed class AdminCommandTestsOnSqlServer(SqlServerApi api) : AdminCommandTests(api), IClassFixture<SqlServerApi>;

/// <summary><c>dotnet run --project api -- admin grant EMAIL</c>, the way into a new installation.</summary>
public abstract class AdminCommandTests(ApiFixture api)
{
    [Fact]
    public async Task The_command_makes_an_address_an_admin_who_can_then_sign_in_as_one()
    {
        var email = $"first-admin-{Guid.NewGuid():N}@alumni.test";

        var exit = await new AdminCommand().RunAsync(api.Services, ["grant", email.ToUpperInvariant()]);

        Assert.Equal(0, exit);
        var me = await Infrastructure.Identity.SignInAsMeAsync(api.NewClient(), api.Mail, email);
        Assert.Equal(["admin"], me.Roles);
    }

    [Theory]
    [InlineData]
    [InlineData("grant")]
    [InlineData("grant", "not-an-address")]
    [InlineData("revoke", "someone@alumni.test")]
    public async Task Wrong_words_get_the_usage_and_change_nothing(params string[] args)
    {
        api.SkipIfUnavailable();

        Assert.Equal(2, await new AdminCommand().RunAsync(api.Services, args));
    }
}
