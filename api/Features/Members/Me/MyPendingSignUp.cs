using System.Security.Claims;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;

namespace Alumni.Api.Features.Members.Me;

/// <summary>
/// The unconfirmed sign-up made for the signed-in person's address (their sign-in proves the address is theirs):
/// finding it, and answering with what it says.
/// </summary>
internal static class MyPendingSignUp
{
    private static readonly Sql ByEmail = Sql.Portable("""
        SELECT id AS Id, version AS Version, requested_consents AS RequestedConsents
        FROM members
        WHERE email = @Email AND status = 'Pending' AND user_id IS NULL
        """);

    /// <summary>The pending sign-up for the caller's address; 404 when there is none.</summary>
    public static async Task<PendingRow> FindAsync(DbSession session, HttpContext context, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<PendingRow>(ByEmail, new { Email = TextRules.NormaliseEmail(context.User.FindFirstValue(AlumniClaims.Email) ?? "") }, ct)
        ?? throw ProblemException.NotFound(Texts.Get("members.noSignUpIsWaiting"));

    /// <summary>What the sign-up says, with its version as the ETag.</summary>
    public static async Task SendAsync(DbSession session, HttpContext context, PendingRow pending, CancellationToken ct)
    {
        var member = (await MemberSql.LoadAsync(session, pending.Id, ct))!;
        Preconditions.SetETag(context, member.Version);
        await context.Response.WriteAsJsonAsync(new PendingSignUpResponse
        {
            Id = member.Id,
            Email = member.Email,
            FirstName = member.FirstName,
            LastName = member.LastName,
            PreferredLanguage = member.PreferredLanguage,
            Affiliations = member.Affiliations,
            RequestedConsents = MemberRules.ParseConsents(pending.RequestedConsents),
            CreatedAt = member.CreatedAt,
            Version = member.Version,
        }, ct);
    }

    /// <summary>A pending sign-up as found.</summary>
    public sealed record PendingRow
    {
        public Guid Id { get; init; }
        public int Version { get; init; }
        public string? RequestedConsents { get; init; }
    }
}
