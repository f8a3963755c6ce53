using System.Security.Claims;

namespace Alumni.Api.Infrastructure.Security;

/// <summary>The claims a signed-in caller carries, whatever authenticated it.</summary>
public static class AlumniClaims
{
    public const string UserId = "alumni:user";
    public const string Email = "alumni:email";
    public const string Kind = "alumni:kind";
    public const string Admin = "alumni:admin";
    public const string Department = "alumni:department";
    public const string SessionId = "alumni:session";
    public const string Csrf = "alumni:csrf";
    public const string KeyId = "alumni:key";
    public const string KeyName = "alumni:key-name";
    public const string Scope = "alumni:scope";

    /// <summary>Kind of caller: a person with a session.</summary>
    public const string Person = "person";

    /// <summary>Kind of caller: an integration with an API key.</summary>
    public const string Key = "key";

    public static bool IsPerson(this ClaimsPrincipal user) => user.HasClaim(Kind, Person);

    public static bool IsKey(this ClaimsPrincipal user) => user.HasClaim(Kind, Key);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsPerson() && user.HasClaim(Admin, "true");

    public static bool IsCoordinator(this ClaimsPrincipal user) => user.IsPerson() && user.HasClaim(c => c.Type == Department);

    public static bool HasScope(this ClaimsPrincipal user, string scope) => user.IsKey() && user.HasClaim(Scope, scope);

    /// <summary>The signed-in person's user id, or null.</summary>
    public static Guid? PersonId(this ClaimsPrincipal user) =>
        user.IsPerson() && Guid.TryParse(user.FindFirstValue(UserId), out var id) ? id : null;

    /// <summary>The API key's id, or null when the caller is no key.</summary>
    public static Guid? ApiKeyId(this ClaimsPrincipal user) =>
        user.IsKey() && Guid.TryParse(user.FindFirstValue(KeyId), out var id) ? id : null;

    /// <summary>Who is calling, as one id: the signed-in person's user id or the API key's id; null when anonymous.</summary>
    public static Guid? CallerId(this ClaimsPrincipal user) => user.PersonId() ?? user.ApiKeyId();

    /// <summary>Whether the caller passes an access rule.</summary>
    public static bool Passes(this ClaimsPrincipal user, AccessAttribute rule) => rule.Caller switch
    {
        Caller.Anonymous => true,
        Caller.SignedIn => user.IsPerson() && (rule.Claim is null || user.HasClaim(rule.Claim, "true")),
        Caller.Staff => user.IsAdmin() || user.IsCoordinator() || (rule.Scope is not null && user.HasScope(rule.Scope)),
        Caller.Admin => user.IsAdmin() || (rule.Scope is not null && user.HasScope(rule.Scope)),
        _ => false,
    };
}
