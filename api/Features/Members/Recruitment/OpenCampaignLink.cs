using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Recruitment;

/// <summary>
/// What a visitor of an invitation link sees (the department and the campaign). An opening counts as a visit once per
/// client per link per day (by a keyed hash of the client's address, see <see cref="CampaignVisitors"/>), so reloading
/// or hammering a link does not inflate its figures. A closed campaign's link still names its department and says it is
/// closed, and counts nothing.
/// </summary>
[Access(Caller.Anonymous)]
public sealed class OpenCampaignLink(Database db, CampaignVisitors visitors, TimeProvider time) : Endpoint<CampaignByTokenRequest, CampaignLandingResponse>
{
    [Unscoped("a public invitation link: its department's name is public")]
    private static readonly Sql LandingSql = Sql.Portable("""
        SELECT d.code AS DepartmentCode, d.name_sv AS DepartmentNameSv, d.name_en AS DepartmentNameEn, c.label AS Label,
               c.closed_at AS ClosedAt
        FROM recruitment_campaigns c
        JOIN department_directory d ON d.id = c.department_id
        WHERE c.token = @Token
        """);

    // The visitor's first opening today, or nothing. SQL Server: the key stays locked (UPDLOCK, HOLDLOCK) from the check
    // to the insert, so two openings at once cannot both be the first.
    [Unscoped("records a visitor of a public invitation link")]
    private static readonly Sql RecordVisitor = Sql.Dialects(
        """
        INSERT OR IGNORE INTO recruitment_visits (campaign_id, day_number, client_hash)
        SELECT c.id, @Day, @ClientHash FROM recruitment_campaigns c WHERE c.token = @Token AND c.closed_at IS NULL
        """,
        """
        INSERT INTO dbo.recruitment_visits (campaign_id, day_number, client_hash)
        SELECT c.id, @Day, @ClientHash FROM dbo.recruitment_campaigns c
        WHERE c.token = @Token AND c.closed_at IS NULL
          AND NOT EXISTS (
              SELECT 1 FROM dbo.recruitment_visits v WITH (UPDLOCK, HOLDLOCK)
              WHERE v.campaign_id = c.id AND v.day_number = @Day AND v.client_hash = @ClientHash)
        """);

    [Unscoped("counts a visit of a public invitation link")]
    private static readonly Sql CountVisit = Sql.Portable("""
        UPDATE recruitment_campaigns SET visits = visits + 1 WHERE token = @Token AND closed_at IS NULL
        """);

    private static readonly Sql ForgetEarlierDays = Sql.Portable("""
        DELETE FROM recruitment_visits WHERE day_number < @Day
        """);

    public override void Configure()
    {
        Post("/recruitment/links/{token}/visits");
        Description(b => b
            .WithName("members_openCampaignLink")
            .WithSummary("Open an invitation link")
            .WithDescription("Counts a visit (once per client per link per day) and tells which department invites the visitor. "
                + "A closed campaign's link answers closed: true and counts nothing. 404 for an unknown link.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(CampaignByTokenRequest req, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).DayNumber;
        var clientHash = await visitors.HashAsync(HttpContext.Connection.RemoteIpAddress, day, ct);
        bool firstToday;
        Landing? landing;
        await using (var session = await db.BeginAsync(ct))
        {
            landing = await session.QuerySingleOrDefaultAsync<Landing>(LandingSql, new { req.Token }, ct);
            if (landing is null)
            {
                throw new ProblemException(StatusCodes.Status404NotFound, "This invitation link is not valid.");
            }

            firstToday = landing.ClosedAt is null
                && await session.ExecuteAsync(RecordVisitor, new { req.Token, Day = day, ClientHash = clientHash }, ct) == 1;
            if (firstToday)
            {
                await session.ExecuteAsync(CountVisit, new { req.Token }, ct);
            }

            await session.CommitAsync(ct);
        }

        if (firstToday)
        {
            // Earlier days' visitors are no longer needed; forgotten in a statement of its own, after the visit's commit.
            await using var cleanup = await db.OpenAsync(ct);
            await cleanup.ExecuteAsync(ForgetEarlierDays, new { Day = day }, ct);
        }

        await Send.OkAsync(new CampaignLandingResponse
        {
            DepartmentCode = landing.DepartmentCode,
            DepartmentNameSv = landing.DepartmentNameSv,
            DepartmentNameEn = landing.DepartmentNameEn,
            Label = landing.Label,
            Closed = landing.ClosedAt is not null,
        }, ct);
    }

    private sealed record Landing
    {
        public string DepartmentCode { get; init; } = "";
        public string DepartmentNameSv { get; init; } = "";
        public string DepartmentNameEn { get; init; } = "";
        public string Label { get; init; } = "";
        public DateTimeOffset? ClosedAt { get; init; }
    }
}
