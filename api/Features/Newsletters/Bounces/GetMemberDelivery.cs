using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Bounces;

/// <summary>
/// Whether newsletter mail to a member's address is stopped, why and since when, with the address's bounces: for the
/// member's record, read by staff within their departments (members affiliated with one, through Members'
/// <c>member_departments</c>) and admins. Another department's member is a 404.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class GetMemberDelivery(Database db) : Endpoint<MemberDeliveryRequest, MemberDeliveryResponse>
{
    private static readonly Sql Address = Sql.Portable($"""
        SELECT c.email FROM member_contacts c
        WHERE c.member_id = @MemberId AND c.is_erased = 0
          AND (@ScopeAll = 1 OR c.member_id IN (SELECT md.member_id FROM member_departments md
                                                WHERE md.department_id IN ({StaffScope.CallerDepartments})))
        """);

    private static readonly Sql Suppression = Sql.Portable("""
        SELECT reason AS Reason, created_at AS Since FROM newsletter_suppressions WHERE email = @Email
        """);

    private static readonly Sql Bounces = Sql.Dialects(
        $"""
        {BounceSql.Columns}
        FROM newsletter_bounces b
        WHERE b.email = @Email
        ORDER BY b.created_at DESC, b.id DESC
        LIMIT 50
        """,
        $"""
        {BounceSql.Columns.Replace("SELECT ", "SELECT TOP (50) ", StringComparison.Ordinal)}
        FROM newsletter_bounces b
        WHERE b.email = @Email
        ORDER BY b.created_at DESC, b.id DESC
        """);

    public override void Configure()
    {
        Get("/newsletters/members/{memberId}/delivery");
        Description(b => b
            .WithName("newsletters_getMemberDelivery")
            .WithSummary("Whether mail to a member is stopped")
            .WithDescription("Stopped after a hard bounce or enough soft ones; with the address's bounces, newest first. "
                + "404 for a member outside the caller's departments.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(MemberDeliveryRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.OpenAsync(ct);
        var email = await session.QuerySingleOrDefaultAsync<EmailRow>(Address, new { req.MemberId, scope.ScopeAll, scope.ScopeUserId }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("newsletters.bounceMemberNotFound"));
        if (email.Email is null)
        {
            await Send.OkAsync(new MemberDeliveryResponse(), ct);
            return;
        }

        var stop = await session.QuerySingleOrDefaultAsync<StopRow>(Suppression, new { email.Email }, ct);
        await Send.OkAsync(new MemberDeliveryResponse
        {
            Stopped = stop is not null,
            Reason = stop?.Reason,
            Since = stop?.Since,
            Bounces = await session.QueryAsync<BounceResponse>(Bounces, new { email.Email }, ct),
        }, ct);
    }

    private sealed record EmailRow
    {
        public string? Email { get; init; }
    }

    private sealed record StopRow
    {
        public SuppressionReason Reason { get; init; }
        public DateTimeOffset Since { get; init; }
    }
}
