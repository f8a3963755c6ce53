using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Newsletters;

namespace Alumni.Api.Features.Newsletters.Welcome;

/// <summary>The welcome series' SQL and rules the steps' endpoints, the seeding and the series share.</summary>
public static class WelcomeSql
{
    /// <summary>The states of a member's row per step (<c>newsletter_welcome_mail.state</c>).</summary>
    public static class States
    {
        public const string Queued = "queued";
        public const string Sending = "sending";
        public const string Sent = "sent";
        public const string Skipped = "skipped";
        public const string Failed = "failed";
        public const string Uncertain = "uncertain";
    }

    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 20_000;
    public const int MaxDelayDays = 365;

    public static readonly Sql Steps = Sql.Portable("""
        SELECT s.id AS Id, s.step_key AS StepKey, s.position AS Position, s.delay_days AS DelayDays, s.skip_rule AS SkipRule,
               s.subject_sv AS SubjectSv, s.subject_en AS SubjectEn, s.body_sv AS BodySv, s.body_en AS BodyEn,
               s.active AS Active, s.updated_at AS UpdatedAt, s.version AS Version,
               (SELECT COUNT(*) FROM newsletter_welcome_mail w WHERE w.step_id = s.id AND w.state = 'sent') AS Sent,
               (SELECT COUNT(*) FROM newsletter_welcome_mail w WHERE w.step_id = s.id AND w.state = 'skipped') AS Skipped,
               (SELECT COUNT(*) FROM newsletter_welcome_mail w WHERE w.step_id = s.id AND w.state IN ('queued', 'sending')) AS Waiting,
               (SELECT COUNT(*) FROM newsletter_welcome_mail w WHERE w.step_id = s.id AND w.state IN ('failed', 'uncertain')) AS Failed
        FROM newsletter_welcome_steps s
        WHERE @Id IS NULL OR s.id = @Id
        ORDER BY s.position
        """);

    /// <summary>The steps in order (all, or the one of <paramref name="id"/>).</summary>
    public static async Task<IReadOnlyList<WelcomeStepResponse>> StepsAsync(DbSession session, Guid? id, CancellationToken ct) =>
        (await session.QueryAsync<StepRow>(Steps, new { Id = id }, ct)).Select(r => r.ToResponse()).ToList();

    /// <summary>The step, or 404.</summary>
    public static async Task<WelcomeStepResponse> StepAsync(DbSession session, Guid id, CancellationToken ct) =>
        (await StepsAsync(session, id, ct)).SingleOrDefault() ?? throw ProblemException.NotFound(Texts.Get("newsletters.welcomeStepNotFound"));

    /// <summary>The stored name of a skip rule (<c>newsletter_welcome_steps.skip_rule</c>).</summary>
    public static string Stored(WelcomeSkipRule rule) => rule switch
    {
        WelcomeSkipRule.ProfileComplete => "profile-complete",
        WelcomeSkipRule.OffersHelp => "offers-help",
        _ => "none",
    };

    public static WelcomeSkipRule SkipRule(string stored) => stored switch
    {
        "profile-complete" => WelcomeSkipRule.ProfileComplete,
        "offers-help" => WelcomeSkipRule.OffersHelp,
        _ => WelcomeSkipRule.None,
    };

    public sealed record StepRow
    {
        public Guid Id { get; init; }
        public string StepKey { get; init; } = "";
        public int Position { get; init; }
        public int DelayDays { get; init; }
        public string SkipRule { get; init; } = "none";
        public string? SubjectSv { get; init; }
        public string? SubjectEn { get; init; }
        public string? BodySv { get; init; }
        public string? BodyEn { get; init; }
        public bool Active { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public int Version { get; init; }
        public int Sent { get; init; }
        public int Skipped { get; init; }
        public int Waiting { get; init; }
        public int Failed { get; init; }

        public WelcomeStepResponse ToResponse() => new()
        {
            Id = Id, StepKey = StepKey, Position = Position, DelayDays = DelayDays, SkipRule = WelcomeSql.SkipRule(SkipRule),
            SubjectSv = SubjectSv, SubjectEn = SubjectEn, BodySv = BodySv, BodyEn = BodyEn, Active = Active,
            Sent = Sent, Skipped = Skipped, Waiting = Waiting, Failed = Failed, UpdatedAt = UpdatedAt, Version = Version,
        };
    }
}
