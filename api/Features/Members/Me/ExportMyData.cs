using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Me;

/// <summary>Everything held about me, as JSON (GDPR right of access): my record, my consent history, my campaign.</summary>
[Access(Caller.SignedIn)]
public sealed class ExportMyData(Database db, TimeProvider time) : EndpointWithoutRequest<MyDataExport>
{
    private static readonly Sql History = Sql.Portable("""
        SELECT channel AS Channel, granted AS Granted, method AS Method, changed_at AS ChangedAt
        FROM member_consent_history
        WHERE member_id = @Id
        ORDER BY changed_at, channel
        """);

    [Unscoped("the caller's own campaign")]
    private static readonly Sql Campaign = Sql.Portable("""
        SELECT c.label FROM members m JOIN recruitment_campaigns c ON c.id = m.campaign_id WHERE m.id = @Id
        """);

    public override void Configure()
    {
        Get("/me/export");
        Description(b => b
            .WithName("members_exportMyData")
            .WithSummary("Download everything held about me")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var id = await MyMember.IdAsync(session, HttpContext, ct);

        HttpContext.Response.Headers.ContentDisposition = "attachment; filename=\"my-alumni-data.json\"";
        await Send.OkAsync(new MyDataExport
        {
            ExportedAt = time.GetUtcNow(),
            Member = (await MemberSql.LoadAsync(session, id, ct))!,
            ConsentHistory = await session.QueryAsync<ConsentHistoryResponse>(History, new { Id = id }, ct),
            Campaign = await session.ExecuteScalarAsync<string>(Campaign, new { Id = id }, ct),
        }, ct);
    }
}
