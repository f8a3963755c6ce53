using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Hosting;
using Alumni.Api.Infrastructure.Security;

namespace Alumni.Api.Features.Newsletters.Topics;

/// <summary>
/// The topics every installation has: the central newsletter (<c>central</c>), event invitations (<c>events</c>) and
/// one <c>department-&lt;code&gt;</c> per active department. Added at start-up when missing (idempotent: a topic once
/// there is never changed here), and again whenever the topic list finds an active department without its topic, so a
/// department created while the API runs gets its topic the first time topics are listed (or at the next start).
/// </summary>
public sealed class TopicSeeding(Database db, TimeProvider time, ILogger<TopicSeeding> logger) : IStartupTask
{
    [Unscoped("seeding reads which departments have their topic yet, for all departments")]
    private static readonly Sql MissingDepartments = Sql.Portable("""
        SELECT d.id AS Id, d.code AS Code, d.name_sv AS NameSv, d.name_en AS NameEn
        FROM department_directory d
        WHERE d.is_active = 1 AND NOT EXISTS (SELECT 1 FROM newsletter_topics t WHERE t.department_id = d.id)
        ORDER BY d.code
        """);

    [Unscoped("seeding counts the topics still to add, for all departments")]
    private static readonly Sql CountMissing = Sql.Portable("""
        SELECT (SELECT COUNT(*) FROM department_directory d
                WHERE d.is_active = 1 AND NOT EXISTS (SELECT 1 FROM newsletter_topics t WHERE t.department_id = d.id))
             + (SELECT CASE WHEN EXISTS (SELECT 1 FROM newsletter_topics t WHERE t.topic_key = 'central') THEN 0 ELSE 1 END)
             + (SELECT CASE WHEN EXISTS (SELECT 1 FROM newsletter_topics t WHERE t.topic_key = 'events') THEN 0 ELSE 1 END)
        """);

    /// <summary>Adds a topic unless one with its key is there (two instances starting at once add it once).</summary>
    [Unscoped("seeding adds the office's topics, not a department's rows a caller chose")]
    private static readonly Sql Insert = Sql.Dialects(
        """
        INSERT INTO newsletter_topics (id, topic_key, kind, department_id, consent_channel, name_sv, name_en, active, created_at, updated_at, version)
        SELECT @Id, @Key, @Kind, @DepartmentId, @Channel, @NameSv, @NameEn, 1, @Now, @Now, 1
        WHERE NOT EXISTS (SELECT 1 FROM newsletter_topics t WHERE t.topic_key = @Key)
        """,
        """
        INSERT INTO dbo.newsletter_topics (id, topic_key, kind, department_id, consent_channel, name_sv, name_en, active, created_at, updated_at, version)
        SELECT @Id, @Key, @Kind, @DepartmentId, @Channel, @NameSv, @NameEn, 1, @Now, @Now, 1
        WHERE NOT EXISTS (SELECT 1 FROM dbo.newsletter_topics t WITH (UPDLOCK, HOLDLOCK) WHERE t.topic_key = @Key)
        """);

    /// <summary>After the departments are seeded.</summary>
    public int Order => 10;

    public async Task RunAsync(CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var added = await EnsureAsync(session, time.GetUtcNow(), ct);
        await session.CommitAsync(ct);
        if (added > 0)
        {
            logger.LogInformation("Added {Topics} newsletter topics", added);
        }
    }

    /// <summary>True when a topic is missing (read outside a transaction, so that the list writes only when it must).</summary>
    public static async Task<bool> AnyMissingAsync(DbSession session, CancellationToken ct) =>
        await session.ExecuteScalarAsync<long>(CountMissing, null, ct) > 0;

    /// <summary>Adds the missing topics in the caller's transaction; how many it added.</summary>
    public static async Task<int> EnsureAsync(DbSession session, DateTimeOffset now, CancellationToken ct)
    {
        var added = await InsertAsync(session, "central", "central", null, "CentralNewsletter", "Alumnnyhetsbrevet", "The alumni newsletter", now, ct);
        added += await InsertAsync(session, "events", "events", null, "EventInvitations", "Inbjudningar till evenemang", "Event invitations", now, ct);
        foreach (var d in await session.QueryAsync<DepartmentRow>(MissingDepartments, null, ct))
        {
            added += await InsertAsync(session, TopicRules.DepartmentKey(d.Code), "department", d.Id, "DepartmentMailings",
                $"Utskick från {d.NameSv}", $"Mailings from {d.NameEn}", now, ct);
        }

        return added;
    }

    private static Task<int> InsertAsync(DbSession session, string key, string kind, Guid? departmentId, string channel, string nameSv, string nameEn,
        DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync(Insert, new
        {
            Id = Guid.CreateVersion7(now), Key = key, Kind = kind, DepartmentId = departmentId, Channel = channel,
            NameSv = nameSv, NameEn = nameEn, Now = now,
        }, ct);

    private sealed record DepartmentRow
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string NameSv { get; init; } = "";
        public string NameEn { get; init; } = "";
    }
}
