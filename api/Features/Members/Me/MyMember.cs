using System.Security.Claims;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;

namespace Alumni.Api.Features.Members.Me;

/// <summary>The signed-in person's own member record: finding it, and answering with it.</summary>
internal static class MyMember
{
    private static readonly Sql ByUser = Sql.Portable("""
        SELECT id FROM members WHERE user_id = @UserId AND status <> 'Erased'
        """);

    /// <summary>The caller's member id; 404 when the caller has no member record.</summary>
    public static async Task<Guid> IdAsync(DbSession session, HttpContext context, CancellationToken ct) =>
        await session.ExecuteScalarAsync<Guid?>(ByUser, new { UserId = context.User.PersonId() }, ct)
        ?? throw ProblemException.NotFound(
            "You have no member record: sign up to the alumni network first (members_signUp), then sign in with the same address.");

    /// <summary>Answers with the member's record and its ETag.</summary>
    public static Task SendAsync(HttpContext context, MemberResponse member, int status, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        Preconditions.SetETag(context, member.Version);
        return context.Response.WriteAsJsonAsync(member, ct);
    }

    /// <summary>The changes that keep the directory consent and the directory listing the same.</summary>
    public static IEnumerable<(ConsentChannel, bool)> DirectoryConsent(bool listed) => [(ConsentChannel.Directory, listed)];
}
