using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Alumni.Api.Features.Members;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Text;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Members;

public sealed class MemberDataTestsOnSqlite(SqliteApi api) : MemberDataTests(api), IClassFixture<SqliteApi>;

public sealed class MemberDataTestsOnSqlServer(SqlServerApi api) : MemberDataTests(api), IClassFixture<SqlServerApi>;

/// <summary>A member's data as it should be: known countries, interests as spelt, the whole export, consent states, the erasure mail.</summary>
public abstract class MemberDataTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewEmail() => $"data-{Guid.NewGuid():N}@alumni.test";

    /// <summary>The migration that mends stored countries, as its two dialects' files have it.</summary>
    private static Sql UnknownCountriesMigration() => Sql.Dialects(
        File.ReadAllText(Repo.File("api", "Migrations", "Sqlite", "0015_unknown_countries.sql")),
        File.ReadAllText(Repo.File("api", "Migrations", "SqlServer", "0015_unknown_countries.sql")));

    [Fact]
    public void The_country_migration_keeps_exactly_the_codes_the_api_accepts()
    {
        foreach (var dialect in new[] { "Sqlite", "SqlServer" })
        {
            var text = File.ReadAllText(Repo.File("api", "Migrations", dialect, "0015_unknown_countries.sql"));
            var kept = Regex.Matches(text[text.IndexOf("NOT IN (", StringComparison.Ordinal)..], "'([A-Z]{2})'").Select(m => m.Groups[1].Value).ToHashSet();
            Assert.Equal(Countries.Count, kept.Count);
            Assert.All(kept, code => Assert.True(Countries.IsKnown(code), $"{dialect}: {code}"));
        }
    }

    [Fact]
    public async Task Stored_countries_that_are_not_iso_codes_are_mapped_or_cleared_so_the_record_can_be_saved_again()
    {
        api.SkipIfUnavailable();
        var ids = new List<Guid>();
        foreach (var _ in new[] { "UK", "XX", "SE" })
        {
            ids.Add((await MemberClients.ProfileAsync(await MemberClients.ActiveMemberAsync(api, NewEmail()))).Id);
        }

        await using var session = await api.Services.GetRequiredService<Database>().BeginAsync(Ct);
        var set = Sql.Portable("UPDATE members SET country = @Country WHERE id = @Id");
        foreach (var (id, country) in ids.Zip(new[] { "UK", "XX", "SE" }))
        {
            await session.ExecuteAsync(set, new { Id = id, Country = country }, Ct);
        }

        await session.ExecuteAsync(UnknownCountriesMigration(), null, Ct);
        var read = Sql.Portable("SELECT country FROM members WHERE id = @Id");
        var after = new List<string?>();
        foreach (var id in ids)
        {
            after.Add(await session.ExecuteScalarAsync<string>(read, new { Id = id }, Ct));
        }

        await session.CommitAsync(Ct);
        Assert.Equal(["GB", null, "SE"], after);
    }

    private static ProfileInput ProfileOf(MemberResponse m) => new()
    {
        FirstName = m.FirstName,
        LastName = m.LastName,
        PreferredLanguage = m.PreferredLanguage,
        OtherEmails = m.OtherEmails,
        Country = m.Country,
        Interests = m.Interests,
        Offers = m.Offers,
        DirectoryListed = m.DirectoryListed,
        DirectoryFields = m.DirectoryFields,
    };

    [Fact]
    public async Task An_unknown_country_is_a_field_error_at_every_entry_point_and_a_known_one_is_stored_upper_cased()
    {
        var member = await MemberClients.ActiveMemberAsync(api, NewEmail());
        var profile = await MemberClients.ProfileAsync(member);
        var admin = await api.AdminAsync();

        foreach (var bad in new[] { "Sverige", "SW", "XX", "XK", "s" })
        {
            var mine = await (await Send(member, HttpMethod.Put, "/api/me/profile", ProfileOf(profile) with { Country = bad }, profile.Version)).ProblemAsync(400);
            Assert.Contains("country", mine.Errors!.Keys);
            var staff = await (await Send(admin, HttpMethod.Put, $"/api/members/{profile.Id}",
                new UpdateMemberRequest { Id = profile.Id, FirstName = profile.FirstName, LastName = profile.LastName, Country = bad }, profile.Version)).ProblemAsync(400);
            Assert.Contains("country", staff.Errors!.Keys);
            var search = await (await admin.GetAsync($"/api/members?country={Uri.EscapeDataString(bad)}", Ct)).ProblemAsync(400);
            Assert.Contains("country", search.Errors!.Keys);
            var directory = await (await member.GetAsync($"/api/directory?country={Uri.EscapeDataString(bad)}", Ct)).ProblemAsync(400);
            Assert.Contains("country", directory.Errors!.Keys);
        }

        Assert.Equal(profile.Version, (await MemberClients.ProfileAsync(member)).Version);
        var saved = await (await Send(member, HttpMethod.Put, "/api/me/profile", ProfileOf(profile) with { Country = " sv " }, profile.Version)).ReadAsync<MemberResponse>();
        Assert.Equal("SV", saved.Country);
        var found = await (await admin.GetAsync("/api/members?country=sv&pageSize=200", Ct)).ReadAsync<Paged<MemberSummary>>();
        Assert.Contains(found.Items, m => m.Id == profile.Id);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/directory?country=se", Ct)).StatusCode);
    }

    [Fact]
    public async Task Interests_keep_the_members_spelling_and_match_and_deduplicate_without_case()
    {
        var member = await MemberClients.ActiveMemberAsync(api, NewEmail());
        var profile = await MemberClients.ProfileAsync(member);
        var key = $"Topic{Guid.NewGuid():N}"[..20];

        var saved = await (await Send(member, HttpMethod.Put, "/api/me/profile",
            ProfileOf(profile) with { Interests = ["AI", "ai", key, " Ai "] }, profile.Version)).ReadAsync<MemberResponse>();

        Assert.Equal(["AI", key], saved.Interests.Order(StringComparer.Ordinal));
        var admin = await api.AdminAsync();
        foreach (var tag in new[] { key.ToLowerInvariant(), key.ToUpperInvariant(), key })
        {
            var found = await (await admin.GetAsync($"/api/members?tag={Uri.EscapeDataString(tag)}", Ct)).ReadAsync<Paged<MemberSummary>>();
            Assert.Equal([profile.Id], found.Items.Select(m => m.Id));
        }
    }

    [Fact]
    public async Task The_export_holds_the_staff_notes_about_me_by_role_and_nobody_elses()
    {
        var mine = await MemberClients.ActiveMemberAsync(api, NewEmail());
        var other = await MemberClients.ActiveMemberAsync(api, NewEmail());
        var me = await MemberClients.ProfileAsync(mine);
        var them = await MemberClients.ProfileAsync(other);
        var admin = await api.AdminAsync();
        var text = $"Called about mentoring {Guid.NewGuid():N}";
        var otherText = $"Someone else {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/members/{me.Id}/notes", new AddNoteRequest { Id = me.Id, Text = text }, Json.Options, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/members/{them.Id}/notes", new AddNoteRequest { Id = them.Id, Text = otherText }, Json.Options, Ct)).StatusCode);

        var response = await mine.GetAsync("/api/me/export", Ct);
        var raw = await response.Content.ReadAsStringAsync(Ct);
        var export = await response.ReadAsync<MyDataExport>();

        var note = Assert.Single(export.Notes);
        Assert.Equal((text, "Alumni staff"), (note.Text, note.WrittenBy));
        Assert.DoesNotContain(otherText, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiFixture.AdminEmail, raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"profile\"", raw, StringComparison.Ordinal);
        Assert.Contains("\"notes\"", raw, StringComparison.Ordinal);
        Assert.Contains("Staff notes about you: 1", export.Summary, StringComparison.Ordinal);
        Assert.Contains("Consents given: the newsletter.", export.Summary, StringComparison.Ordinal);
        var theirs = await (await other.GetAsync("/api/me/export", Ct)).ReadAsync<MyDataExport>();
        Assert.Equal([otherText], theirs.Notes.Select(n => n.Text));
    }

    [Fact]
    public async Task A_consent_never_given_is_not_given_and_only_one_given_and_taken_back_is_withdrawn()
    {
        var member = await MemberClients.ActiveMemberAsync(api, NewEmail());

        var start = await MemberClients.ProfileAsync(member);
        Assert.Equal(ConsentState.Given, StateOf(start, ConsentChannel.CentralNewsletter));
        Assert.Equal(ConsentState.NotGiven, StateOf(start, ConsentChannel.EventInvitations));

        var changed = await (await member.PutAsJsonAsync("/api/me/consents", new UpdateConsentsRequest
        {
            Changes = [new() { Channel = ConsentChannel.CentralNewsletter, Granted = false }, new() { Channel = ConsentChannel.EventInvitations, Granted = true }],
        }, Json.Options, Ct)).ReadAsync<MemberResponse>();
        Assert.Equal(ConsentState.Withdrawn, StateOf(changed, ConsentChannel.CentralNewsletter));
        Assert.Equal(ConsentState.Given, StateOf(changed, ConsentChannel.EventInvitations));
        Assert.Equal(ConsentState.NotGiven, StateOf(changed, ConsentChannel.DepartmentMailings));

        var unsubscribed = await (await member.PostAsync("/api/me/unsubscribe", null, Ct)).ReadAsync<MemberResponse>();
        Assert.Equal(ConsentState.Withdrawn, StateOf(unsubscribed, ConsentChannel.EventInvitations));
        Assert.Equal(ConsentState.NotGiven, StateOf(unsubscribed, ConsentChannel.ContactAboutOffers));
        var admin = await api.AdminAsync();
        var seen = await (await admin.GetAsync($"/api/members/{start.Id}", Ct)).ReadAsync<StaffMemberResponse>();
        Assert.Equal(ConsentState.Withdrawn, StateOf(seen.Member, ConsentChannel.CentralNewsletter));
        Assert.Equal(ConsentState.NotGiven, StateOf(seen.Member, ConsentChannel.DepartmentMailings));
    }

    [Theory]
    [InlineData("sv", "Bekräfta att dina uppgifter raderas", "ingenting raderas")]
    [InlineData("en", "Confirm the erasure of your data", "nothing is erased")]
    public async Task The_erasure_code_comes_in_a_mail_of_its_own_in_the_members_language(string language, string subject, string ignoring)
    {
        var email = NewEmail();
        var member = await MemberClients.ActiveMemberAsync(api, email);
        var profile = await MemberClients.ProfileAsync(member);
        await (await Send(member, HttpMethod.Put, "/api/me/profile", ProfileOf(profile) with { PreferredLanguage = language }, profile.Version)).ReadAsync<MemberResponse>();

        var response = await member.PostAsync("/api/me/erase/code", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var mail = (await api.Mail.LatestForAsync(email)).Message;

        Assert.Equal(subject, mail.Subject);
        Assert.Contains(ignoring, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(ignoring, mail.HtmlBody, StringComparison.Ordinal);
        var code = Infrastructure.Identity.CodeIn(mail.TextBody ?? "");
        Assert.Equal(HttpStatusCode.NoContent, (await member.PostAsJsonAsync("/api/me/erase", new EraseMeRequest { Code = code }, Json.Options, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await member.GetAsync("/api/me", Ct)).StatusCode);
    }

    private static ConsentState StateOf(MemberResponse member, ConsentChannel channel) =>
        member.Consents.FirstOrDefault(c => c.Channel == channel)?.State ?? ConsentState.NotGiven;

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object body, int version)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, body.GetType(), options: Json.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request, Ct);
    }
}
