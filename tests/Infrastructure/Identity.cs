using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Alumni.Api.Tests.Email;
using Alumni.Contracts.Identity;
using Alumni.Contracts.Network;

namespace Alumni.Api.Tests.Infrastructure;

/// <summary>Signing in and handing out roles through the API, as a person and an admin would.</summary>
public static partial class Identity
{
    public const string CsrfHeader = "X-CSRF-Token";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Asks for a code, reads it from the mail the API sent, signs in, and sets the anti-forgery header.</summary>
    public static async Task<HttpClient> SignInAsync(HttpClient client, SmtpSink mail, string email)
    {
        var me = await SignInAsMeAsync(client, mail, email);
        client.DefaultRequestHeaders.Remove(CsrfHeader);
        client.DefaultRequestHeaders.Add(CsrfHeader, me.CsrfToken);
        return client;
    }

    /// <summary>The sign-in flow, returning who the API says I am.</summary>
    public static async Task<MeResponse> SignInAsMeAsync(HttpClient client, SmtpSink mail, string email)
    {
        var code = await RequestCodeAsync(client, mail, email);
        var response = await client.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = email, Code = code }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Sign-in as {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}{ServerErrors.Describe()}");
        return await response.ReadAsync<MeResponse>();
    }

    /// <summary>Asks for a code and returns it as the e-mail carried it.</summary>
    public static async Task<string> RequestCodeAsync(HttpClient client, SmtpSink mail, string email)
    {
        var response = await client.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = email }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Code request for {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}{ServerErrors.Describe()}");
        return CodeIn((await mail.LatestForAsync(email)).Message.TextBody ?? "");
    }

    /// <summary>The code in a sign-in e-mail's text.</summary>
    public static string CodeIn(string text) => Code().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException($"No code in: {text}");

    /// <summary>
    /// Makes the address a coordinator of these departments (adding the person first), through the network's assignments
    /// (informal, from today); a department the person already coordinates is left as it is.
    /// </summary>
    public static async Task<UserResponse> GrantDepartmentsAsync(HttpClient admin, string email, params string[] departmentCodes)
    {
        var user = await (await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest { Email = email }, Ct)).ReadAsync<UserResponse>();
        foreach (var code in departmentCodes.Select(c => c.ToUpperInvariant()).Where(c => !user.DepartmentCodes.Contains(c)))
        {
            var response = await admin.PostAsJsonAsync("/api/network/assignments",
                new CreateAssignmentRequest { UserId = user.Id, DepartmentCode = code, Kind = CoordinatorKind.Informal }, Json.Options, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Created,
                $"Assigning {email} to {code} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}{ServerErrors.Describe()}");
        }

        var people = await (await admin.GetAsync($"/api/admin/users?search={Uri.EscapeDataString(email)}", Ct)).ReadAsync<List<UserResponse>>();
        return people.Single(p => p.Id == user.Id);
    }

    /// <summary>Creates an API key with these scopes and returns its secret.</summary>
    public static async Task<string> CreateKeyAsync(HttpClient admin, params string[] scopes)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/api-keys", new CreateApiKeyRequest { Name = "Test key " + Guid.NewGuid().ToString("N")[..6], Scopes = scopes }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Key creation failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}{ServerErrors.Describe()}");
        return (await response.ReadAsync<CreatedApiKeyResponse>()).Secret;
    }

    [GeneratedRegex(@"\b[A-HJ-NP-Z2-9]{6}\b")]
    private static partial Regex Code();
}
