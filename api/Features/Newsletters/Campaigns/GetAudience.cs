using Alumni.Api.Features.Identity;
using Alumni.Api.Features.Newsletters.Topics;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using Alumni.Contracts.Problems;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>
/// How many a campaign would reach if it started now: the topic's subscribers (<see cref="TopicAudience.Subscribed"/>),
/// within the sending department when one is given, and always within the coordinator's own departments.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class GetAudience(Database db) : Endpoint<AudienceRequest, AudienceResponse>
{
    private static readonly Sql Count = Sql.Portable($"""
        SELECT COUNT(*) FROM member_contacts c
        WHERE {TopicAudience.Subscribed}
          AND (@DepartmentId IS NULL
               OR EXISTS (SELECT 1 FROM member_departments sd WHERE sd.member_id = c.member_id AND sd.department_id = @DepartmentId))
          AND (@ScopeAll = 1
               OR EXISTS (SELECT 1 FROM member_departments md WHERE md.member_id = c.member_id AND {StaffScope.Predicate("md.department_id")}))
        """);

    [Unscoped("topics are the office's lists, which every staff member reads")]
    private static readonly Sql TopicExists = Sql.Portable("SELECT COUNT(*) FROM newsletter_topics WHERE id = @Id");

    public override void Configure()
    {
        Get("/newsletters/audience");
        Description(b => b
            .WithName("newsletters_getAudience")
            .WithSummary("Count a campaign's audience now")
            .WithDescription("The members on the topic now (consent in force, not turned off, address not stopped), within departmentId when given; "
                + "a coordinator counts only members of their departments (another department is a 403). The recipients are fixed only when sending starts.")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(AudienceRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.OpenAsync(ct);
        if (await session.ExecuteScalarAsync<long>(TopicExists, new { Id = req.TopicId }, ct) == 0)
        {
            ThrowError(r => r.TopicId, Texts.Get("newsletters.topics.noTopicWithThatId"));
        }

        if (req.DepartmentId is { } department
            && await session.ExecuteScalarAsync<long>(CampaignSql.DepartmentInScope, new { Id = department, scope.ScopeAll, scope.ScopeUserId }, ct) == 0)
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, Texts.Get("newsletters.campaigns.notOneOfYourDepartments"), ProblemTypes.Forbidden);
        }

        if (req.SegmentId is { } segment)
        {
            if (await session.ExecuteScalarAsync<long>(CampaignSql.SegmentInScope, new { Id = segment, scope.ScopeAll, scope.ScopeUserId }, ct) == 0)
            {
                ThrowError(r => r.SegmentId!, Texts.Get("newsletters.campaigns.noSegmentOfYoursWithThatId"));
            }

            throw ProblemException.Conflict(Texts.Get("newsletters.campaigns.segmentsCannotBeSentYet"));
        }

        var count = await session.ExecuteScalarAsync<long>(Count, new { req.TopicId, req.DepartmentId, scope.ScopeAll, scope.ScopeUserId }, ct);
        await Send.OkAsync(new AudienceResponse { Count = (int)count }, ct);
    }
}
