using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using Alumni.Contracts.Problems;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Events;

/// <summary>The SQL several Events use cases share: staff's read of an event, departments by code, and an event's co-hosts, audience and questions.</summary>
internal static class EventSql
{
    /// <summary>The columns of <see cref="EventResponse"/> read from <c>events e</c> and its organiser <c>o</c>.</summary>
    public const string StaffColumns = """
        e.id AS Id, e.occasion_id AS OccasionId, o.code AS OrganiserDepartmentCode, e.kind AS Kind, e.status AS Status,
        e.title_sv AS TitleSv, e.title_en AS TitleEn, e.summary_sv AS SummarySv, e.summary_en AS SummaryEn,
        e.description_sv AS DescriptionSv, e.description_en AS DescriptionEn, e.starts_at AS StartsAt, e.ends_at AS EndsAt,
        e.time_zone AS TimeZone, e.venue AS Venue, e.address AS Address, e.city AS City, e.country AS Country,
        e.online_url AS OnlineUrl, e.audience AS Audience, e.capacity AS Capacity, e.seats_taken AS SeatsTaken,
        (SELECT COALESCE(SUM(w.seats), 0) FROM event_registrations w WHERE w.event_id = e.id AND w.status = 'waiting') AS SeatsWaiting,
        (SELECT COUNT(*) FROM event_registrations w WHERE w.event_id = e.id AND w.status = 'waiting') AS WaitingRegistrations,
        e.guests_allowed AS GuestsAllowed, e.registration_opens_at AS RegistrationOpensAt,
        e.registration_closes_at AS RegistrationClosesAt, e.follow_up_sv AS FollowUpSv, e.follow_up_en AS FollowUpEn,
        e.sequence AS Sequence, e.created_at AS CreatedAt, e.updated_at AS UpdatedAt, e.published_at AS PublishedAt,
        e.cancelled_at AS CancelledAt, e.version AS Version
        """;

    public static readonly Sql Get = Sql.Portable($"""
        SELECT {StaffColumns},
               CASE WHEN {EventRules.ManageScope} THEN 1 ELSE 0 END AS CanEdit
        FROM events e
        LEFT JOIN department_directory o ON o.id = e.organiser_department_id
        WHERE e.id = @Id AND {EventRules.ReadScope}
        """);

    public static readonly Sql Cohosts = Sql.Portable($"""
        SELECT d.code FROM event_cohosts c
        JOIN events e ON e.id = c.event_id
        JOIN department_directory d ON d.id = c.department_id
        WHERE c.event_id = @Id AND {EventRules.ReadScope}
        ORDER BY d.code
        """);

    public static readonly Sql AudienceDepartments = Sql.Portable($"""
        SELECT d.code FROM event_audience_departments a
        JOIN events e ON e.id = a.event_id
        JOIN department_directory d ON d.id = a.department_id
        WHERE a.event_id = @Id AND {EventRules.ReadScope}
        ORDER BY d.code
        """);

    [Unscoped("the co-hosts of a published event are public; the caller's read of the event itself decided what they may see")]
    public static readonly Sql PublishedCohosts = Sql.Portable("""
        SELECT d.code FROM event_cohosts c
        JOIN events e ON e.id = c.event_id
        JOIN department_directory d ON d.id = c.department_id
        WHERE c.event_id = @Id AND e.status <> 'draft'
        ORDER BY d.code
        """);

    public static readonly Sql Questions = Sql.Portable("""
        SELECT id AS Id, position AS Position, kind AS Kind, label_sv AS LabelSv, label_en AS LabelEn, choices AS ChoicesJson,
               required AS Required
        FROM event_questions
        WHERE event_id = @Id
        ORDER BY position
        """);

    public static readonly Sql DepartmentsByCode = Sql.Portable("""
        SELECT id AS Id, code AS Code FROM department_directory WHERE code IN @Codes
        """);

    public static readonly Sql DepartmentInScope = Sql.Portable($"""
        SELECT COUNT(*) FROM department_directory d WHERE d.id = @Id AND {StaffScope.Predicate("d.id")}
        """);

    public static readonly Sql DeleteCohosts = Sql.Portable($"""
        DELETE FROM event_cohosts
        WHERE event_id = @EventId
          AND EXISTS (SELECT 1 FROM events e WHERE e.id = @EventId AND {EventRules.ManageScope})
        """);

    public static readonly Sql InsertCohost = Sql.Portable($"""
        INSERT INTO event_cohosts (event_id, department_id)
        SELECT e.id, @DepartmentId FROM events e WHERE e.id = @EventId AND {EventRules.ManageScope}
        """);

    public static readonly Sql DeleteAudience = Sql.Portable($"""
        DELETE FROM event_audience_departments
        WHERE event_id = @EventId
          AND EXISTS (SELECT 1 FROM events e WHERE e.id = @EventId AND {EventRules.ManageScope})
        """);

    public static readonly Sql InsertAudience = Sql.Portable($"""
        INSERT INTO event_audience_departments (event_id, department_id)
        SELECT e.id, @DepartmentId FROM events e WHERE e.id = @EventId AND {EventRules.ManageScope}
        """);

    public static readonly Sql QuestionIds = Sql.Portable("SELECT id FROM event_questions WHERE event_id = @EventId");

    public static readonly Sql DeleteAnswers = Sql.Portable("DELETE FROM event_answers WHERE question_id = @Id");

    public static readonly Sql DeleteQuestion = Sql.Portable("DELETE FROM event_questions WHERE id = @Id AND event_id = @EventId");

    public static readonly Sql UpdateQuestion = Sql.Portable("""
        UPDATE event_questions
        SET position = @Position, kind = @Kind, label_sv = @LabelSv, label_en = @LabelEn, choices = @Choices, required = @Required
        WHERE id = @Id AND event_id = @EventId
        """);

    public static readonly Sql InsertQuestion = Sql.Portable("""
        INSERT INTO event_questions (id, event_id, position, kind, label_sv, label_en, choices, required)
        VALUES (@Id, @EventId, @Position, @Kind, @LabelSv, @LabelEn, @Choices, @Required)
        """);

    /// <summary>
    /// The published (or, with the status condition a use case adds, later) events a person may see as a member:
    /// audience all for members, departments for members affiliated with one of them (<c>member_departments</c>),
    /// coordinators for staff. Arguments <c>@MemberId</c> (null when the person is no active member) and <c>@IsStaff</c>.
    /// </summary>
    public const string InAudience = """
        (e.audience = 'all' AND @MemberId IS NOT NULL
         OR e.audience = 'departments' AND EXISTS (SELECT 1 FROM event_audience_departments ad
                                                    JOIN member_departments md ON md.department_id = ad.department_id
                                                    WHERE ad.event_id = e.id AND md.member_id = @MemberId)
         OR e.audience = 'coordinators' AND @IsStaff = 1)
        """;

    /// <summary>The columns of <see cref="EventListItem"/> from <c>events e</c> and its organiser <c>o</c>.</summary>
    public const string ListItemColumns = """
        SELECT e.id AS Id, e.occasion_id AS OccasionId, o.code AS OrganiserDepartmentCode, e.kind AS Kind, e.status AS Status,
               e.title_sv AS TitleSv, e.title_en AS TitleEn, e.summary_sv AS SummarySv, e.summary_en AS SummaryEn,
               e.starts_at AS StartsAt, e.ends_at AS EndsAt, e.time_zone AS TimeZone, e.venue AS Venue, e.city AS City,
               e.country AS Country, CASE WHEN e.online_url IS NULL THEN 0 ELSE 1 END AS Online, e.audience AS Audience,
               CASE WHEN e.capacity IS NULL THEN NULL WHEN e.capacity > e.seats_taken THEN e.capacity - e.seats_taken ELSE 0 END AS SeatsLeft
        """;

    /// <summary>The FROM of the member's and the public lists.</summary>
    public const string ListFrom = """
        events e
        LEFT JOIN department_directory o ON o.id = e.organiser_department_id
        """;

    /// <summary>The public list's department filter: organised or co-hosted by the department with the code <c>@Department</c>.</summary>
    public const string ByDepartment = """
        (o.code = @Department OR EXISTS (SELECT 1 FROM event_cohosts fc JOIN department_directory fd ON fd.id = fc.department_id
                                         WHERE fc.event_id = e.id AND fd.code = @Department))
        """;

    /// <summary>The caller's member id: an active member's, by their user id.</summary>
    public static readonly Sql MemberOfUser = Sql.Portable("""
        SELECT member_id FROM member_contacts WHERE user_id = @UserId AND status = 'Active'
        """);

    /// <summary>The caller's member id (null when they are no active member) and whether they are staff, for <see cref="InAudience"/>.</summary>
    public static async Task<(Guid? MemberId, bool IsStaff)> AudienceOfAsync(DbSession session, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var memberId = await session.ExecuteScalarAsync<Guid?>(MemberOfUser, new { UserId = user.PersonId() }, ct);
        return (memberId, user.IsAdmin() || user.IsCoordinator());
    }

    /// <summary>An event the staff caller may see, with everything; 404 for any other.</summary>
    public static async Task<EventResponse> GetAsync(DbSession session, Guid id, DepartmentScope scope, CancellationToken ct)
    {
        var args = new { Id = id, scope.ScopeAll, scope.ScopeUserId };
        var row = await session.QuerySingleOrDefaultAsync<EventResponse>(Get, args, ct)
            ?? throw ProblemException.NotFound(Texts.Get("events.noEventWithThatId"));
        return row with
        {
            CohostDepartmentCodes = await session.QueryAsync<string>(Cohosts, args, ct),
            AudienceDepartmentCodes = await session.QueryAsync<string>(AudienceDepartments, args, ct),
            Questions = await QuestionsAsync(session, id, ct),
        };
    }

    /// <summary>An event the staff caller may change; 404 when they may not see it, 403 when they only see it (a co-host).</summary>
    public static async Task<EventResponse> GetToChangeAsync(DbSession session, Guid id, DepartmentScope scope, CancellationToken ct)
    {
        var current = await GetAsync(session, id, scope, ct);
        return current.CanEdit
            ? current
            : throw new ProblemException(StatusCodes.Status403Forbidden, Texts.Get("events.onlyTheOrganiserChanges"), ProblemTypes.Forbidden);
    }

    /// <summary>The questions of an event, in order.</summary>
    public static async Task<IReadOnlyList<EventQuestion>> QuestionsAsync(DbSession session, Guid id, CancellationToken ct) =>
        (await session.QueryAsync<QuestionRow>(Questions, new { Id = id }, ct))
        .Select(q => new EventQuestion
        {
            Id = q.Id, Position = q.Position, Kind = q.Kind, LabelSv = q.LabelSv, LabelEn = q.LabelEn,
            Choices = EventRules.Choices(q.ChoicesJson), Required = q.Required,
        })
        .ToList();

    /// <summary>Answers the event with its version as the ETag.</summary>
    public static async Task SendAsync(HttpContext context, EventResponse response, int status, CancellationToken ct)
    {
        Preconditions.SetETag(context, response.Version);
        context.Response.StatusCode = status;
        var retention = context.RequestServices.GetRequiredService<IOptions<Schedule.EventScheduleOptions>>().Value;
        await context.Response.WriteAsJsonAsync(response with { PersonalDataDeletedOn = retention.PersonalDataDeletedOn(response.EndsAt) }, ct);
    }

    /// <summary>
    /// The departments an event names, by code: its organiser (which must be in the caller's scope, and a central-office
    /// event needs an admin), co-hosts and audience. An unknown code is a 400 on its field.
    /// </summary>
    public static async Task<EventDepartments> DepartmentsAsync(DbSession session, Database db, EventInput input, DepartmentScope scope, CancellationToken ct)
    {
        var organiserCode = input.OrganiserDepartmentCode is null ? null : EventRules.NormaliseCode(input.OrganiserDepartmentCode);
        var cohostCodes = input.CohostDepartmentCodes.Select(EventRules.NormaliseCode).ToList();
        var audienceCodes = input.Audience == EventAudience.Departments ? input.AudienceDepartmentCodes.Select(EventRules.NormaliseCode).ToList() : [];
        var all = cohostCodes.Concat(audienceCodes).Append(organiserCode).OfType<string>().Distinct().ToList();
        var found = all.Count == 0
            ? new Dictionary<string, Guid>()
            : (await session.QueryAsync<DepartmentRef>(DepartmentsByCode, new { Codes = all }, ct)).ToDictionary(d => d.Code, d => d.Id, StringComparer.Ordinal);

        Guid? organiser = null;
        if (organiserCode is null)
        {
            if (!scope.ScopeAll)
            {
                throw new ProblemException(StatusCodes.Status403Forbidden, Texts.Get("events.onlyAdminsManageCentral"), ProblemTypes.Forbidden);
            }
        }
        else
        {
            organiser = found.TryGetValue(organiserCode, out var id)
                ? id
                : throw ProblemException.Field("organiserDepartmentCode", Texts.Get("events.noDepartmentHasTheCode", organiserCode));
            if (await session.ExecuteScalarAsync<long>(DepartmentInScope, new { Id = id, scope.ScopeAll, scope.ScopeUserId }, ct) == 0)
            {
                throw new ProblemException(StatusCodes.Status403Forbidden, Texts.Get("events.notOneOfYourDepartments"), ProblemTypes.Forbidden);
            }
        }

        return new EventDepartments(
            organiser,
            Resolve(cohostCodes, "cohostDepartmentCodes", found).Where(d => d != organiser).Distinct().ToList(),
            Resolve(audienceCodes, "audienceDepartmentCodes", found).Distinct().ToList());
    }

    /// <summary>Writes an event's co-hosts, audience departments and questions in place of what it had.</summary>
    public static async Task WriteChildrenAsync(DbSession session, Guid eventId, EventInput input, EventDepartments departments, DepartmentScope scope, DateTimeOffset now, CancellationToken ct)
    {
        var scoped = new { EventId = eventId, scope.ScopeAll, scope.ScopeUserId };
        await session.ExecuteAsync(DeleteCohosts, scoped, ct);
        foreach (var department in departments.Cohosts)
        {
            await session.ExecuteAsync(InsertCohost, new { EventId = eventId, DepartmentId = department, scope.ScopeAll, scope.ScopeUserId }, ct);
        }

        await session.ExecuteAsync(DeleteAudience, scoped, ct);
        foreach (var department in departments.Audience)
        {
            await session.ExecuteAsync(InsertAudience, new { EventId = eventId, DepartmentId = department, scope.ScopeAll, scope.ScopeUserId }, ct);
        }

        var existing = (await session.QueryAsync<Guid>(QuestionIds, new { EventId = eventId }, ct)).ToHashSet();
        for (var i = 0; i < input.Questions.Count; i++)
        {
            if (input.Questions[i].Id is { } id && !existing.Contains(id))
            {
                throw ProblemException.Field($"questions[{i}].id", Texts.Get("events.noSuchQuestion"));
            }
        }

        foreach (var removed in existing.Except(input.Questions.Select(q => q.Id).OfType<Guid>()))
        {
            await session.ExecuteAsync(DeleteAnswers, new { Id = removed }, ct);
            await session.ExecuteAsync(DeleteQuestion, new { Id = removed, EventId = eventId }, ct);
        }

        for (var i = 0; i < input.Questions.Count; i++)
        {
            var q = input.Questions[i];
            var args = new
            {
                Id = q.Id ?? Guid.CreateVersion7(now),
                EventId = eventId,
                Position = i + 1,
                Kind = EventRules.Db(q.Kind),
                LabelSv = TextRules.Clean(q.LabelSv),
                LabelEn = TextRules.Clean(q.LabelEn),
                Choices = EventRules.ChoicesJson(q),
                q.Required,
            };
            await session.ExecuteAsync(q.Id is null ? InsertQuestion : UpdateQuestion, args, ct);
        }
    }

    private static IEnumerable<Guid> Resolve(List<string> codes, string field, Dictionary<string, Guid> found)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            yield return found.TryGetValue(codes[i], out var id)
                ? id
                : throw ProblemException.Field($"{field}[{i}]", Texts.Get("events.noDepartmentHasTheCode", codes[i]));
        }
    }

    private sealed record DepartmentRef
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
    }

    private sealed record QuestionRow
    {
        public Guid Id { get; init; }
        public int Position { get; init; }
        public QuestionKind Kind { get; init; }
        public string? LabelSv { get; init; }
        public string? LabelEn { get; init; }
        public string? ChoicesJson { get; init; }
        public bool Required { get; init; }
    }
}

/// <summary>The departments an event names, resolved to ids: the organiser (null: the central office), co-hosts and audience.</summary>
internal sealed record EventDepartments(Guid? Organiser, IReadOnlyList<Guid> Cohosts, IReadOnlyList<Guid> Audience);
