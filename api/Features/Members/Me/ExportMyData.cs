using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Me;

/// <summary>
/// Everything held about me, as JSON (GDPR right of access): my record, my consent history, the staff notes about me,
/// my campaign, and a short summary of it in my language.
/// </summary>
[Access(Caller.SignedIn)]
public sealed class ExportMyData(Database db, TimeProvider time) : EndpointWithoutRequest<MyDataExport>
{
    private static readonly Sql History = Sql.Portable("""
        SELECT channel AS Channel, granted AS Granted, method AS Method, changed_at AS ChangedAt
        FROM member_consent_history
        WHERE member_id = @Id
        ORDER BY changed_at, channel
        """);

    /// <summary>The notes about me; who wrote one is told by role (a person or a connected system), not by address.</summary>
    private static readonly Sql Notes = Sql.Portable("""
        SELECT created_at AS WrittenAt, text AS Text, CASE WHEN author_id IS NULL THEN 0 ELSE 1 END AS ByStaff
        FROM member_notes
        WHERE member_id = @Id
        ORDER BY created_at, id
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
            .WithDescription("My record, my consent history, the staff notes about me and a short summary in my language.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var id = await MyMember.IdAsync(session, HttpContext, ct);
        var profile = (await MemberSql.LoadAsync(session, id, ct))!;
        var history = await session.QueryAsync<ConsentHistoryResponse>(History, new { Id = id }, ct);
        var notes = await session.QueryAsync<NoteRow>(Notes, new { Id = id }, ct);
        var campaign = await session.ExecuteScalarAsync<string>(Campaign, new { Id = id }, ct);
        var now = time.GetUtcNow();

        MyDataExport export;
        using (Texts.In(profile.PreferredLanguage))
        {
            export = new MyDataExport
            {
                ExportedAt = now,
                Summary = Summary(profile, history.Count, notes.Count, campaign, now),
                Profile = profile,
                ConsentHistory = history,
                Notes = notes.Select(n => new ExportedNote
                {
                    WrittenAt = n.WrittenAt,
                    WrittenBy = n.ByStaff ? Texts.Get("members.export.byStaff") : Texts.Get("members.export.bySystem"),
                    Text = n.Text,
                }).ToList(),
                Campaign = campaign,
            };
        }

        HttpContext.Response.Headers.ContentDisposition = "attachment; filename=\"my-alumni-data.json\"";
        await Send.OkAsync(export, ct);
    }

    /// <summary>A few lines that say what the export holds, for a person rather than a program.</summary>
    internal static string Summary(MemberResponse p, int consentChanges, int notes, string? campaign, DateTimeOffset at)
    {
        string Channels(ConsentState state) =>
            string.Join(", ", Enum.GetValues<ConsentChannel>().Where(c => ConsentStateOf(p, c) == state).Select(ChannelName)) is { Length: > 0 } list
                ? list
                : Texts.Get("members.export.none");
        var lines = new List<string>
        {
            Texts.Get("members.export.heading", at.UtcDateTime.ToString("yyyy-MM-dd HH:mm")),
            Texts.Get("members.export.profile", $"{p.FirstName} {p.LastName}".Trim(), p.Email, p.OtherEmails.Count, p.Interests.Count),
            Texts.Get("members.export.studies", p.Affiliations.Count, p.Affiliations.Sum(a => a.Credits)),
            Texts.Get("members.export.consentsGiven", Channels(ConsentState.Given)),
            Texts.Get("members.export.consentsWithdrawn", Channels(ConsentState.Withdrawn)),
            Texts.Get("members.export.consentsNotGiven", Channels(ConsentState.NotGiven)),
            Texts.Get("members.export.consentChanges", consentChanges),
            Texts.Get("members.export.notes", notes),
        };
        if (campaign is not null)
        {
            lines.Add(Texts.Get("members.export.campaign", campaign));
        }

        return string.Join("\n", lines);
    }

    /// <summary>A channel the member never answered is not given.</summary>
    private static ConsentState ConsentStateOf(MemberResponse p, ConsentChannel channel) =>
        p.Consents.FirstOrDefault(c => c.Channel == channel)?.State ?? ConsentState.NotGiven;

    private static string ChannelName(ConsentChannel channel) => channel switch
    {
        ConsentChannel.CentralNewsletter => Texts.Get("members.channel.centralNewsletter"),
        ConsentChannel.DepartmentMailings => Texts.Get("members.channel.departmentMailings"),
        ConsentChannel.EventInvitations => Texts.Get("members.channel.eventInvitations"),
        ConsentChannel.Directory => Texts.Get("members.channel.directory"),
        ConsentChannel.ContactAboutOffers => Texts.Get("members.channel.contactAboutOffers"),
        _ => channel.ToString(),
    };

    private sealed record NoteRow
    {
        public DateTimeOffset WrittenAt { get; init; }
        public string Text { get; init; } = "";
        public bool ByStaff { get; init; }
    }
}
