using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Members;
using Alumni.Contracts.Problems;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Members;

public sealed class PendingSignUpTestsOnSqlite(SqliteApi api) : PendingSignUpTests(api), IClassFixture<SqliteApi>;

public sealed class PendingSignUpTestsOnSqlServer(SqlServerApi api) : PendingSignUpTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// Anyone can sign up with anyone's address: a sign-up counts only once the owner of the address, signed in, confirms
/// it, with the consents they give. Signing in alone activates nothing and grants nothing.
/// </summary>
public abstract class PendingSignUpTests(ApiFixture api)
{
    private static readonly ConsentChannel[] Every = Enum.GetValues<ConsentChannel>();

    /// <summary>Every channel, as a pending sign-up stores the consents it asks for.</summary>
    private static readonly string AllChannels = string.Join(',', Every);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewEmail() => $"victim-{Guid.NewGuid():N}@alumni.test";

    [Fact]
    public async Task An_attackers_sign_up_for_my_address_stays_pending_and_consents_nothing_when_I_sign_in()
    {
        var email = NewEmail();
        await SignUpAsync(Attackers(email));

        var victim = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);

        await (await victim.GetAsync("/api/me/profile", Ct)).ProblemAsync(404);
        await (await victim.GetAsync("/api/directory", Ct)).ProblemAsync(403);
        Assert.Equal(("Pending", AllChannels, 0L, 0L, false), await StoredAsync(email));
    }

    [Fact]
    public async Task Confirming_makes_me_an_active_member_with_only_the_consents_I_confirm()
    {
        var email = NewEmail();
        await SignUpAsync(Attackers(email));
        var victim = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);

        var read = await victim.GetAsync("/api/me/pending-sign-up", Ct);
        var pending = await read.ReadAsync<PendingSignUpResponse>();
        Assert.Equal(("Mallory", "Mischief", email, "en"), (pending.FirstName, pending.LastName, pending.Email, pending.PreferredLanguage));
        Assert.Equal(("ECON", 30m, false), Assert.Single(pending.Affiliations) is var s ? (s.DepartmentCode, s.Credits, s.Verified) : default);
        Assert.Equal(Every.Order(), pending.RequestedConsents);
        Assert.Equal(EntityTagHeaderValue.Parse($"\"{pending.Version}\""), read.Headers.ETag);

        await (await ConfirmAsync(victim, [ConsentChannel.CentralNewsletter], ifMatch: null)).ProblemAsync(428);
        await (await ConfirmAsync(victim, [ConsentChannel.CentralNewsletter], "\"99\"")).ProblemAsync(412);
        Assert.Equal(("Pending", AllChannels, 0L, 0L, false), await StoredAsync(email));

        var member = await (await ConfirmAsync(victim, [ConsentChannel.CentralNewsletter], read.Headers.ETag!.Tag)).ReadAsync<MemberResponse>();

        Assert.Equal((MemberStatus.Active, MemberSource.SignUp, "Mallory"), (member.Status, member.Source, member.FirstName));
        Assert.NotNull(member.VerifiedAt);
        Assert.False(member.DirectoryListed);
        Assert.Equal(Every.Select(c => (c, c == ConsentChannel.CentralNewsletter)).OrderBy(c => c.c.ToString(), StringComparer.Ordinal),
            member.Consents.Select(c => (c.Channel, c.Granted)).OrderBy(c => c.Channel.ToString(), StringComparer.Ordinal));
        var export = await (await victim.GetAsync("/api/me/export", Ct)).ReadAsync<MyDataExport>();
        Assert.Equal([(ConsentChannel.CentralNewsletter, ConsentMethod.SignUpForm)],
            export.ConsentHistory.Where(h => h.Granted).Select(h => (h.Channel, h.Method)));
        Assert.Equal(member.Id, (await MemberClients.ProfileAsync(victim)).Id);
        await (await victim.GetAsync("/api/me/pending-sign-up", Ct)).ProblemAsync(404);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/api/directory", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_consent_the_sign_up_did_not_ask_for_cannot_be_confirmed()
    {
        var email = NewEmail();
        await SignUpAsync(MemberClients.SignUpFor(email, consents: [ConsentChannel.EventInvitations]));
        var person = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);
        var read = await person.GetAsync("/api/me/pending-sign-up", Ct);

        var problem = await (await ConfirmAsync(person, [ConsentChannel.EventInvitations, ConsentChannel.Directory], read.Headers.ETag!.Tag)).ProblemAsync(400);

        Assert.Equal(ProblemTypes.ValidationFailed, problem.Type);
        Assert.Equal(["consents[1]"], problem.Errors!.Keys);
        Assert.Equal(("Pending", "EventInvitations", 0L, 0L, false), await StoredAsync(email));
    }

    [Fact]
    public async Task Rejecting_removes_the_sign_up_and_nothing_of_it_stays()
    {
        var email = NewEmail();
        await SignUpAsync(Attackers(email));
        var victim = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);

        Assert.Equal(HttpStatusCode.NoContent, (await victim.DeleteAsync("/api/me/pending-sign-up", Ct)).StatusCode);

        await (await victim.GetAsync("/api/me/pending-sign-up", Ct)).ProblemAsync(404);
        await (await victim.DeleteAsync("/api/me/pending-sign-up", Ct)).ProblemAsync(404);
        await (await ConfirmAsync(victim, [], "\"1\"")).ProblemAsync(404);
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        Assert.Equal(0, await session.ExecuteScalarAsync<long>(Sql.Portable("SELECT COUNT(*) FROM members WHERE email = @Email"), new { Email = email }, Ct));
    }

    [Fact]
    public async Task My_own_later_sign_up_replaces_the_attackers_and_a_confirmation_of_the_one_replaced_fails()
    {
        var email = NewEmail();
        var attack = await SignUpAsync(Attackers(email));
        var victim = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);
        var seen = (await victim.GetAsync("/api/me/pending-sign-up", Ct)).Headers.ETag!.Tag;

        var own = await SignUpAsync(MemberClients.SignUpFor(email.ToUpperInvariant(), consents: [ConsentChannel.EventInvitations]));

        Assert.Equal(attack, own);
        await (await ConfirmAsync(victim, [], seen)).ProblemAsync(412);
        var pending = await (await victim.GetAsync("/api/me/pending-sign-up", Ct)).ReadAsync<PendingSignUpResponse>();
        Assert.Equal(("Ada", "DSV", ConsentChannel.EventInvitations), (pending.FirstName, Assert.Single(pending.Affiliations).DepartmentCode, Assert.Single(pending.RequestedConsents)));
        var member = await MemberClients.ConfirmAsync(victim);
        Assert.Equal(("Ada", "Lovelace", MemberStatus.Active), (member.FirstName, member.LastName, member.Status));
        Assert.Equal(["DSV"], member.Affiliations.Select(a => a.DepartmentCode));
        Assert.Equal([ConsentChannel.EventInvitations], member.Consents.Where(c => c.Granted).Select(c => c.Channel));
    }

    private static SignUpRequest Attackers(string email) => MemberClients.SignUpFor(email, "ECON", credits: 30, consents: Every) with
    {
        FirstName = "Mallory",
        LastName = "Mischief",
    };

    /// <summary>Signs up as a visitor; the answer's body, which says nothing of what the address already had.</summary>
    private async Task<string> SignUpAsync(SignUpRequest signUp)
    {
        using var visitor = api.NewClient();
        var response = await visitor.PostAsJsonAsync("/api/members/sign-up", signUp, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient person, IReadOnlyList<ConsentChannel> consents, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/pending-sign-up/confirm")
        {
            Content = JsonContent.Create(new ConfirmSignUpRequest { Consents = consents }, options: Json.Options),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await person.SendAsync(request, Ct);
    }

    /// <summary>The stored sign-up: its status, the consents it asks for, its consent rows and history rows, whether it is linked to a person.</summary>
    private async Task<(string Status, string? Requested, long Consents, long History, bool Linked)> StoredAsync(string email)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        var row = await session.QuerySingleOrDefaultAsync<StoredRow>(Sql.Portable("""
            SELECT m.status AS Status, m.requested_consents AS Requested, m.user_id AS UserId,
                   (SELECT COUNT(*) FROM member_consents c WHERE c.member_id = m.id) AS Consents,
                   (SELECT COUNT(*) FROM member_consent_history h WHERE h.member_id = m.id) AS History
            FROM members m WHERE m.email = @Email
            """), new { Email = email }, Ct);
        Assert.NotNull(row);
        return (row.Status, row.Requested, row.Consents, row.History, row.UserId is not null);
    }

    private sealed record StoredRow
    {
        public string Status { get; init; } = "";
        public string? Requested { get; init; }
        public Guid? UserId { get; init; }
        public long Consents { get; init; }
        public long History { get; init; }
    }
}
