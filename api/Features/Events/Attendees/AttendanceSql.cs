using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;

namespace Alumni.Api.Features.Events.Attendees;

/// <summary>
/// What the attendance use cases (attendees, export, check-in, figures, feedback summary) share: the event as the
/// staff caller may see it, and the registration states as the organiser sees them.
/// </summary>
internal static class AttendanceSql
{
    /// <summary>The event if the caller may see its attendees (its organiser's or a co-host's staff, or an admin).</summary>
    private static readonly Sql AttendedEvent = Sql.Portable($"""
        SELECT e.id AS Id, e.status AS Status, e.title_sv AS TitleSv, e.title_en AS TitleEn, e.starts_at AS StartsAt,
               e.ends_at AS EndsAt, e.capacity AS Capacity, e.anonymised_at AS AnonymisedAt
        FROM events e
        WHERE e.id = @Id AND {EventRules.ReadScope}
        """);

    /// <summary>The event if the caller manages it (its organiser's staff, or an admin).</summary>
    private static readonly Sql ManagedEvent = Sql.Portable($"""
        SELECT e.id AS Id, e.status AS Status, e.title_sv AS TitleSv, e.title_en AS TitleEn, e.starts_at AS StartsAt,
               e.ends_at AS EndsAt, e.capacity AS Capacity, e.anonymised_at AS AnonymisedAt
        FROM events e
        WHERE e.id = @Id AND {EventRules.ManageScope}
        """);

    /// <summary>The event whose attendees the caller may see; 404 when there is none, or it is outside the caller's scope.</summary>
    public static async Task<AttendedEventRow> AttendedAsync(DbSession session, Guid id, DepartmentScope scope, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<AttendedEventRow>(AttendedEvent, new { Id = id, scope.ScopeAll, scope.ScopeUserId }, ct)
        ?? throw ProblemException.NotFound(Texts.Get("events.noEventWithThatId"));

    /// <summary>The event the caller manages; 404 when there is none, or it is outside the caller's scope.</summary>
    public static async Task<AttendedEventRow> ManagedAsync(DbSession session, Guid id, DepartmentScope scope, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<AttendedEventRow>(ManagedEvent, new { Id = id, scope.ScopeAll, scope.ScopeUserId }, ct)
        ?? throw ProblemException.NotFound(Texts.Get("events.noEventWithThatId"));

    /// <summary>A registration's state as the organiser sees it.</summary>
    public static AttendeeStatus StatusOf(string status, DateTimeOffset? checkedInAt, bool ended) => status switch
    {
        "confirmed" when checkedInAt is not null => AttendeeStatus.CheckedIn,
        "confirmed" when ended => AttendeeStatus.NoShow,
        "confirmed" => AttendeeStatus.Confirmed,
        "waiting" => AttendeeStatus.Waiting,
        "cancelled" => AttendeeStatus.Cancelled,
        _ => AttendeeStatus.Left,
    };
}

/// <summary>What the attendance use cases need of an event.</summary>
internal sealed record AttendedEventRow
{
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public string? TitleSv { get; init; }
    public string? TitleEn { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public int? Capacity { get; init; }
    public DateTimeOffset? AnonymisedAt { get; init; }

    /// <summary>True once the event has ended.</summary>
    public bool EndedBy(DateTimeOffset now) => EndsAt <= now;
}
