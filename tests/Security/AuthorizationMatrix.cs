using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Tests.Email;
using Alumni.Contracts.Identity;
using Microsoft.AspNetCore.Routing;

using Alumni.Api.Tests.Infrastructure;

namespace Alumni.Api.Tests.Security;

/// <summary>The kinds of caller the matrix tries every endpoint with.</summary>
public enum Who
{
    Anonymous,
    Alumnus,
    Member,
    CoordinatorOfA,
    CoordinatorOfB,
    Admin,
    KeyWithTheScope,
    KeyWithAnotherScope,
}

/// <summary>
/// Calls every API endpoint of a running app as every kind of caller and lists each call that got more than the
/// endpoint's declared <see cref="AccessAttribute"/> allows, and each endpoint that declares no rule at all.
/// A refused call must answer 401 or 403; an allowed one must answer neither (nor a 5xx: made-up input gets 400 or 404).
/// </summary>
public sealed partial class AuthorizationMatrix(Func<HttpClient> newClient, SmtpSink mail, string adminEmail)
{
    public const string DepartmentA = "DSV";
    public const string DepartmentB = "ECON";

    private static readonly string[] AllScopes = Alumni.Api.Features.Identity.ApiKeyScopes.All.Order(StringComparer.Ordinal).ToArray();
    private readonly Dictionary<string, string> keys = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Whether a rule lets a kind of caller in.</summary>
    public static bool Allows(AccessAttribute rule, Who who) => (rule.Caller, who) switch
    {
        (Caller.Anonymous, _) => true,
        (Caller.SignedIn, Who.Member) => true,
        (Caller.SignedIn, Who.Alumnus or Who.CoordinatorOfA or Who.CoordinatorOfB or Who.Admin) => rule.Claim is null,
        (Caller.Staff, Who.CoordinatorOfA or Who.CoordinatorOfB or Who.Admin) => true,
        (Caller.Admin, Who.Admin) => true,
        (Caller.Staff or Caller.Admin, Who.KeyWithTheScope) => rule.Scope is not null,
        _ => false,
    };

    /// <summary>The API endpoints (under /api) of an app.</summary>
    public static IReadOnlyList<RouteEndpoint> ApiEndpoints(EndpointDataSource source) =>
        source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .ToList();

    /// <summary>Endpoints that declare no access rule.</summary>
    public static IReadOnlyList<string> Undeclared(EndpointDataSource source) =>
        ApiEndpoints(source).Where(e => e.Metadata.GetMetadata<AccessAttribute>() is null).Select(Describe).ToList();

    /// <summary>Every call that got more than its rule allows (an endpoint without a rule allows nobody).</summary>
    public async Task<IReadOnlyList<string>> ViolationsAsync(EndpointDataSource source)
    {
        await PrepareAsync();
        var violations = new List<string>();
        foreach (var endpoint in ApiEndpoints(source))
        {
            var rule = endpoint.Metadata.GetMetadata<AccessAttribute>();
            foreach (var who in Enum.GetValues<Who>())
            {
                if (who == Who.KeyWithTheScope && rule?.Scope is null)
                {
                    continue;
                }

                var allowed = rule is not null && Allows(rule, who);
                using var client = await ClientAsync(who, rule);
                foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
                {
                    var status = (int)(await client.SendAsync(Request(method, endpoint), Ct)).StatusCode;
                    var refused = status is 401 or 403;
                    if (allowed == refused || status >= 500)
                    {
                        violations.Add($"{method} {Describe(endpoint)} as {who}: {status} ({(rule is null ? "no rule" : rule.ToString())})");
                    }
                }
            }
        }

        return violations;
    }

    private async Task PrepareAsync()
    {
        using var admin = await SignInAsync(adminEmail);
        await Infrastructure.Identity.GrantDepartmentsAsync(admin, Email(Who.CoordinatorOfA), DepartmentA);
        await Infrastructure.Identity.GrantDepartmentsAsync(admin, Email(Who.CoordinatorOfB), DepartmentB);
        foreach (var scope in AllScopes)
        {
            keys[scope] = await Infrastructure.Identity.CreateKeyAsync(admin, scope);
        }
    }

    private string Email(Who who) => who == Who.Admin ? adminEmail : $"matrix-{who.ToString().ToLowerInvariant()}@alumni.test";

    /// <summary>A fresh client per call, so that a call that signs out or revokes sessions cannot spoil the next.</summary>
    private async Task<HttpClient> ClientAsync(Who who, AccessAttribute? rule)
    {
        switch (who)
        {
            case Who.Anonymous:
                return newClient();
            case Who.KeyWithTheScope:
            case Who.KeyWithAnotherScope:
                var scope = who == Who.KeyWithTheScope ? rule!.Scope! : AllScopes.First(s => s != rule?.Scope);
                var keyed = newClient();
                keyed.DefaultRequestHeaders.Authorization = new("Bearer", keys[scope]);
                return keyed;
            case Who.Member:
                return await NewMemberAsync();
            default:
                return await SignInAsync(Email(who));
        }
    }

    /// <summary>A new active member for each call: a call may unsubscribe or erase the member it is made as.</summary>
    private async Task<HttpClient> NewMemberAsync()
    {
        var email = $"matrix-member-{Guid.NewGuid():N}@alumni.test";
        using (var visitor = newClient())
        {
            var signUp = await visitor.PostAsJsonAsync("/api/members/sign-up", new Contracts.Members.SignUpRequest
            {
                FirstName = "Matrix",
                LastName = "Member",
                Email = email,
                PreferredLanguage = "en",
                ConfirmsCredits = true,
                Affiliations = [new() { DepartmentCode = "ENG", DegreeType = Contracts.Members.DegreeType.Master, Credits = 120 }],
            }, Json.Options, Ct);
            Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
        }

        var member = await SignInAsync(email);
        await Members.MemberClients.ConfirmAsync(member);
        return member;
    }

    private Task<HttpClient> SignInAsync(string email) => Infrastructure.Identity.SignInAsync(newClient(), mail, email);

    private static HttpRequestMessage Request(string method, RouteEndpoint endpoint)
    {
        var path = "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), m => m.Groups[1].Value switch
        {
            "code" => DepartmentA,
            _ => Guid.NewGuid().ToString(),
        });
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            // A body of a type the endpoint accepts, so that routing lets it through to authorization.
            var accepts = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json";
            request.Content = accepts == "application/json"
                ? JsonContent.Create(new { })
                : new StringContent("", System.Text.Encoding.UTF8, accepts);
        }

        return request;
    }

    private static string Describe(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.TrimStart('/');

    [GeneratedRegex(@"\{([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
