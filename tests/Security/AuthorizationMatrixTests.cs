using System.Net;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Security;

public sealed class AuthorizationMatrixTestsOnSqlite(SqliteApi api) : AuthorizationMatrixTests(api), IClassFixture<SqliteApi>;

public sealed class AuthorizationMatrixTestsOnSqlServer(SqlServerApi api) : AuthorizationMatrixTests(api), IClassFixture<SqlServerApi>;

/// <summary>Every endpoint of the running app, called as every kind of caller, gets no more than its declared rule allows.</summary>
public abstract class AuthorizationMatrixTests(ApiFixture api)
{
    [Fact]
    public void Every_api_endpoint_declares_who_may_call_it()
    {
        var source = api.Services.GetRequiredService<EndpointDataSource>();

        Assert.NotEmpty(AuthorizationMatrix.ApiEndpoints(source));
        Assert.Empty(AuthorizationMatrix.Undeclared(source));
    }

    [Fact]
    public async Task No_caller_gets_more_than_the_rule_of_any_endpoint_allows()
    {
        var matrix = new AuthorizationMatrix(api.NewClient, api.Mail, ApiFixture.AdminEmail);

        var violations = await matrix.ViolationsAsync(api.Services.GetRequiredService<EndpointDataSource>());

        Assert.True(violations.Count == 0, "Calls that got more than their rule allows:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task An_endpoint_that_declares_no_rule_fails_the_matrix()
    {
        api.SkipIfUnavailable();
        await using var factory = api.CreateFactory(await api.CreateAnotherDatabaseAsync(), builder => builder.ConfigureTestServices(services =>
            services.AddFastEndpoints(o =>
            {
                o.DisableAutoDiscovery = true;
                o.Assemblies = [typeof(Program).Assembly, typeof(UndeclaredProbe).Assembly];
                o.Filter = t => t.Assembly == typeof(Program).Assembly || t == typeof(UndeclaredProbe);
            })));
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        var matrix = new AuthorizationMatrix(() => factory.CreateClient(), api.Mail, ApiFixture.AdminEmail);

        var undeclared = AuthorizationMatrix.Undeclared(source);
        var violations = await matrix.ViolationsAsync(source);

        Assert.Equal(["/api/undeclared-probe"], undeclared);
        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.Contains("/api/undeclared-probe", v));
        Assert.Contains(violations, v => v.StartsWith("GET /api/undeclared-probe as Alumnus: 200", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Caller.Anonymous, null, null, new[] { Who.Anonymous, Who.Alumnus, Who.Member, Who.CoordinatorOfA, Who.CoordinatorOfB, Who.Admin, Who.KeyWithTheScope, Who.KeyWithAnotherScope })]
    [InlineData(Caller.SignedIn, null, null, new[] { Who.Alumnus, Who.Member, Who.CoordinatorOfA, Who.CoordinatorOfB, Who.Admin })]
    [InlineData(Caller.SignedIn, null, Alumni.Api.Features.Members.MemberClaims.ActiveMember, new[] { Who.Member })]
    [InlineData(Caller.Staff, "departments:write", null, new[] { Who.CoordinatorOfA, Who.CoordinatorOfB, Who.Admin, Who.KeyWithTheScope })]
    [InlineData(Caller.Admin, null, null, new[] { Who.Admin })]
    [InlineData(Caller.Admin, "audit:read", null, new[] { Who.Admin, Who.KeyWithTheScope })]
    public void The_rules_let_in_exactly_these_callers(Caller caller, string? scope, string? claim, Who[] expected)
    {
        var rule = new AccessAttribute(caller) { Scope = scope, Claim = claim };

        Assert.Equal(expected, Enum.GetValues<Who>().Where(w => AuthorizationMatrix.Allows(rule, w)));
    }
}

/// <summary>An endpoint that forgot its access rule, for the test that shows the matrix catching it.</summary>
public sealed class UndeclaredProbe : EndpointWithoutRequest<string>
{
    public override void Configure() => Get("/undeclared-probe");

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync("reached", ct);
}
