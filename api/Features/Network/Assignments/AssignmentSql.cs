using System.Text.Json;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Network;
using FluentValidation;

namespace Alumni.Api.Features.Network.Assignments;

/// <summary>The SQL and rules the assignment use cases share: an assignment's columns and read, the department and person checks, the overlap.</summary>
internal static class AssignmentSql
{
    /// <summary>The audit log's entity type of an assignment.</summary>
    public const string EntityType = "coordinator-assignment";

    /// <summary>The university's days: "today" and "not in the future" are Swedish dates.</summary>
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>The columns of <see cref="AssignmentResponse"/> from <see cref="From"/>.</summary>
    public const string Columns = """
        a.id AS Id, a.user_id AS UserId, n.name AS PersonName, a.department_id AS DepartmentId, d.code AS DepartmentCode,
        d.name_sv AS DepartmentNameSv, d.name_en AS DepartmentNameEn, d.faculty_code AS FacultyCode, a.kind AS Kind,
        a.time_share AS TimeShare, a.started_on AS StartedOn, a.ended_on AS EndedOn, a.end_reason AS EndReason,
        a.role_title AS RoleTitle, a.contact_email AS ContactEmail, a.contact_phone AS ContactPhone,
        a.created_at AS CreatedAt, a.updated_at AS UpdatedAt, a.ended_at AS EndedAt, a.version AS Version
        """;

    /// <summary>An assignment with its department and the person's name.</summary>
    public const string From = """
        coordinator_assignments a
        JOIN department_directory d ON d.id = a.department_id
        LEFT JOIN caller_names n ON n.id = a.user_id AND n.kind = 'person'
        """;

    [Unscoped("the office's (admins') record of assignments, across every department")]
    public static readonly Sql Get = Sql.Portable($"""
        SELECT {Columns} FROM {From} WHERE a.id = @Id
        """);

    public static readonly Sql Department = Sql.Portable("""
        SELECT id AS Id, code AS Code, is_active AS IsActive FROM department_directory WHERE code = @Code
        """);

    public static readonly Sql PersonExists = Sql.Portable("""
        SELECT COUNT(*) FROM caller_names WHERE id = @UserId AND kind = 'person' AND name IS NOT NULL
        """);

    /// <summary>
    /// Other assignments of the person to the department whose period meets one that starts on <c>@StartedOn</c> and
    /// runs on: an active one, or an ended one that ended after that day (an ended period runs to the day before it
    /// ended, so a person ended today may be assigned again from today).
    /// </summary>
    [Unscoped("the office's (admins') record of assignments, across every department")]
    public static readonly Sql Overlapping = Sql.Portable("""
        SELECT COUNT(*) FROM coordinator_assignments c
        WHERE c.user_id = @UserId AND c.department_id = @DepartmentId AND c.id <> @Id
          AND (c.ended_on IS NULL OR c.ended_on > @StartedOn)
        """);

    /// <summary>Today in Sweden.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    /// <summary>The day an assignment starts: the one asked for, else today; a 400 on <c>startedOn</c> when it is in the future.</summary>
    public static DateOnly StartedOn(DateOnly? asked, TimeProvider time)
    {
        var today = Today(time);
        if (asked > today)
        {
            throw ProblemException.Field("startedOn", Texts.Get("network.assignments.startedOnNotInTheFuture"));
        }

        return asked ?? today;
    }

    /// <summary>The stored name of a kind.</summary>
    public static string Db(CoordinatorKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>An assignment; 404 when there is none.</summary>
    public static async Task<AssignmentResponse> GetAsync(DbSession session, Guid id, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<AssignmentResponse>(Get, new { Id = id }, ct)
        ?? throw ProblemException.NotFound(Texts.Get("network.assignments.noAssignmentWithThatId"));

    /// <summary>409 when the period from <paramref name="startedOn"/> meets another assignment of the person to the department.</summary>
    public static async Task CheckNoOverlapAsync(DbSession session, Guid id, Guid userId, Guid departmentId, DateOnly startedOn, CancellationToken ct)
    {
        var others = await session.ExecuteScalarAsync<long>(Overlapping,
            new { Id = id, UserId = userId, DepartmentId = departmentId, StartedOn = startedOn }, ct);
        if (others > 0)
        {
            throw ProblemException.Conflict(Texts.Get("network.assignments.overlapsAnother"));
        }
    }

    /// <summary>Answers the assignment with its version as the ETag.</summary>
    public static async Task SendAsync(HttpContext context, AssignmentResponse assignment, int status, CancellationToken ct)
    {
        Preconditions.SetETag(context, assignment.Version);
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(assignment, ct);
    }

    /// <summary>The rules of the fields an admin sets, when assigning and when changing.</summary>
    public static void AddInputRules<T>(this AbstractValidator<T> v) where T : AssignmentInput
    {
        v.RuleFor(r => r.Kind).IsInEnum();
        v.RuleFor(r => r.TimeShare).InclusiveBetween(1, 100).WithMessage(_ => Texts.Get("network.assignments.timeShareFrom1To100"))
            .When(r => r.TimeShare is not null);
        v.RuleFor(r => r.RoleTitle).IsOptionalText(200);
        v.RuleFor(r => r.ContactEmail!)
            .Must(e => e.Trim().Length <= 254).WithMessage(_ => Texts.Get("common.useAtMostCharacters", 254))
            .Must(TextRules.IsEmailAddress).WithMessage(_ => TextRules.InvalidEmail)
            .When(r => !string.IsNullOrWhiteSpace(r.ContactEmail));
        v.RuleFor(r => r.ContactPhone!)
            .Must(p => p.Trim().Length <= 40).WithMessage(_ => Texts.Get("common.useAtMostCharacters", 40))
            .Matches(@"^\s*\+?[0-9][0-9 ()\-]*[0-9]\s*$").WithMessage(_ => Texts.Get("network.assignments.enterAPhoneNumber"))
            .When(r => !string.IsNullOrWhiteSpace(r.ContactPhone));
    }

    /// <summary>An optional address as stored: trimmed and in lower case, or none.</summary>
    public static string? Email(string? email) => string.IsNullOrWhiteSpace(email) ? null : TextRules.NormaliseEmail(email);

    public sealed record DepartmentRow
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public bool IsActive { get; init; }
    }
}
