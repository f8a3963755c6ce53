using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Hosting;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Members;

/// <summary>Configuration section <c>Members</c>.</summary>
public sealed class MembersOptions
{
    public const string Section = "Members";

    /// <summary>Pending sign-ups their address's owner never confirms are removed after this many days.</summary>
    public int PendingPurgeDays { get; set; } = 30;

    /// <summary>Sign-ups one client address may make per hour.</summary>
    public int SignUpsPerClientPerHour { get; set; } = 20;
}

/// <summary>What the Members slice adds to the host.</summary>
public sealed class MembersModule : ISliceModule
{
    public const string SignUpLimit = "members-sign-up";

    /// <inheritdoc />
    public IReadOnlyList<string> OwnedTables { get; } =
    [
        "members", "member_emails", "member_interests", "member_affiliations", "member_consents", "member_consent_history",
        "member_notes", "recruitment_campaigns", "recruitment_visits", "import_jobs", "import_rejections", "members_search", "member_names",
        "member_contacts", "member_departments",
        "member_event_reach", "member_channel_consents", "member_welcome_facts", "member_figure_facts", "recruitment_campaign_links",
    ];

    /// <inheritdoc />
    public IReadOnlyList<Published> Published { get; } =
    [
        Infrastructure.Hosting.Published.View("member_names"),
        Infrastructure.Hosting.Published.View("member_contacts"),
        Infrastructure.Hosting.Published.View("member_departments"),
        Infrastructure.Hosting.Published.View("member_event_reach"),
        Infrastructure.Hosting.Published.View("member_channel_consents"),
        Infrastructure.Hosting.Published.Fragment("MemberFilters.Studies", MemberFilters.Studies),
        Infrastructure.Hosting.Published.Fragment("MemberFilters.Country", MemberFilters.Country),
        Infrastructure.Hosting.Published.Fragment("MemberFilters.City", MemberFilters.City),
        Infrastructure.Hosting.Published.Fragment("MemberFilters.Language", MemberFilters.Language),
        Infrastructure.Hosting.Published.Fragment("MemberFilters.Industry", MemberFilters.Industry),
        Infrastructure.Hosting.Published.Fragment("MemberFilters.Tags", MemberFilters.Tags),
        .. MemberFilters.AllOffers.Select(o => Infrastructure.Hosting.Published.Fragment($"MemberFilters.Offer({o})", MemberFilters.Offer(o))),
        Infrastructure.Hosting.Published.View("member_welcome_facts"),
        Infrastructure.Hosting.Published.View("member_figure_facts"),
        Infrastructure.Hosting.Published.View("recruitment_campaign_links"),
    ];

    public void Add(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MembersOptions.Section);
        var options = section.Get<MembersOptions>() ?? new MembersOptions();
        builder.Services.Configure<MembersOptions>(section);
        builder.Services.AddSingleton<ISignInObserver, MemberSignInObserver>();
        builder.Services.AddSingleton<IClaimsContributor, MemberClaims>();
        builder.Services.AddSingleton<IMemberConsents, MemberConsents>();
        builder.Services.AddSingleton<Recruitment.CampaignVisitors>();
        builder.Services.AddHostedService<PendingMemberPurge>();
        builder.Services.Configure<Import.ImportOptions>(builder.Configuration.GetSection(Import.ImportOptions.Section));
        builder.Services.AddSingleton<Import.ImportJobHandler>();
        builder.Services.AddSingleton<Infrastructure.Jobs.IJobHandler>(sp => sp.GetRequiredService<Import.ImportJobHandler>());
        builder.Services.AddRateLimiter(o => o.AddPerClientLimit(SignUpLimit, options.SignUpsPerClientPerHour, TimeSpan.FromHours(1)));
    }
}

/// <summary>
/// A sign-in proves the address: a member record the university made for it (an import, staff) is linked to the
/// person and marked verified. A pending sign-up is not: anyone can make one for any address, so it waits for its
/// owner to confirm it (<see cref="Me.ConfirmMyPendingSignUp"/>).
/// </summary>
public sealed class MemberSignInObserver : ISignInObserver
{
    private static readonly Sql Verify = Sql.Portable("""
        UPDATE members
        SET user_id = @UserId,
            verified_at = COALESCE(verified_at, @Now),
            updated_at = @Now,
            version = version + 1
        WHERE email = @Email AND user_id IS NULL AND status NOT IN ('Erased', 'Pending')
        """);

    public Task OnSignedInAsync(DbSession session, Guid userId, string email, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync(Verify, new { UserId = userId, Email = email, Now = now }, ct);
}

/// <summary>Removes pending sign-ups older than the purge age, once an hour (idempotent, so several instances may run it).</summary>
public sealed class PendingMemberPurge(Database db, TimeProvider time, IOptions<MembersOptions> options, ILogger<PendingMemberPurge> logger) : BackgroundService
{
    private static readonly Sql Purge = Sql.Portable("""
        DELETE FROM members WHERE status = @Pending AND created_at < @Cutoff
        """);

    /// <summary>Purges once; the number of sign-ups removed.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        return await session.ExecuteAsync(Purge, new
        {
            Pending = nameof(MemberStatus.Pending),
            Cutoff = time.GetUtcNow().AddDays(-options.Value.PendingPurgeDays),
        }, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var purged = await PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} pending sign-ups that were never confirmed", purged);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Purging pending sign-ups failed; trying again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>Tells access rules whether a signed-in person is an active member.</summary>
public sealed class MemberClaims : IClaimsContributor
{
    /// <summary>The claim of a signed-in person who is an active member (for <c>[Access(Caller.SignedIn, Claim = ...)]</c>).</summary>
    public const string ActiveMember = "alumni:member";

    /// <summary>Who holds <see cref="ActiveMember"/>, for the contract.</summary>
    public const string ActiveMembers = "active members of the alumni network";

    private static readonly Sql IsActiveMember = Sql.Portable("""
        SELECT COUNT(*) FROM members WHERE user_id = @UserId AND status = 'Active'
        """);

    public async Task<IEnumerable<System.Security.Claims.Claim>> ClaimsForAsync(DbSession session, Guid userId, CancellationToken ct) =>
        await session.ExecuteScalarAsync<long>(IsActiveMember, new { UserId = userId }, ct) > 0
            ? [new(ActiveMember, "true")]
            : [];
}
