using Alumni.Api.Infrastructure.Security;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Alumni.Api.Features.Identity;
using Alumni.Api.Features.Members;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Members;
using Alumni.Contracts.Members;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Events;

/// <summary>A member signed in for a test: the member's id, address and a client with their session.</summary>
public sealed record TestMember(string Email, Guid MemberId, HttpClient Client);

/// <summary>A question of a test event.</summary>
public sealed record TestQuestion(Guid Id, string Kind, bool Required, string? ChoicesJson = null, string Label = "Question");

/// <summary>
/// Events and members for the registration tests, made quickly. Many members come from one import through the API (as
/// the university's records bring them) and are signed in by opening their sessions directly with Identity's and
/// Members' own sign-in steps (the user, the sign-in observer that links the member, a session row with a token's hash)
/// instead of a code mail and a sign-in request each: the code flow has its own tests, and 200 of them would take
/// most of the test's time. Events are stored rows, as the staff endpoints store them.
/// </summary>
public static class EventTestData
{
    private static readonly Sql InsertEvent = Sql.Portable("""
        INSERT INTO events (id, kind, status, title_sv, title_en, summary_en, starts_at, ends_at, time_zone, venue, city, country, online_url,
                            audience, capacity, guests_allowed, registration_opens_at, registration_closes_at, sequence, version,
                            created_at, updated_at, published_at)
        VALUES (@Id, 'reunion', @Status, @TitleSv, @TitleEn, @Summary, @StartsAt, @EndsAt, 'Europe/Stockholm', 'Aula Magna', 'Stockholm', 'SE',
                @OnlineUrl, @Audience, @Capacity, @GuestsAllowed, @OpensAt, @ClosesAt, 0, 1, @Now, @Now, @Now)
        """);

    private static readonly Sql InsertQuestion = Sql.Portable("""
        INSERT INTO event_questions (id, event_id, position, kind, label_sv, label_en, choices, required)
        VALUES (@Id, @EventId, @Position, @Kind, @Label, @Label, @Choices, @Required)
        """);

    private static readonly Sql InsertAudience = Sql.Portable("""
        INSERT INTO event_audience_departments (event_id, department_id) SELECT @EventId, id FROM departments WHERE code = @Code
        """);

    private static readonly Sql InsertSession = Sql.Portable("""
        INSERT INTO sessions (id, user_id, token_hash, csrf_token, created_at, last_seen_at, idle_expires_at, absolute_expires_at)
        VALUES (@Id, @UserId, @TokenHash, @CsrfToken, @Now, @Now, @Expires, @Expires)
        """);

    private static readonly Sql MemberByEmail = Sql.Portable("""
        SELECT id FROM members WHERE email = @Email
        """);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Stores a published event (unless told otherwise) that starts in a week, registration open now.</summary>
    public static async Task<Guid> EventAsync(ApiFixture api, int? capacity = null, int guestsAllowed = 0, string status = "published",
        string audience = "all", IReadOnlyList<string>? audienceDepartments = null, IReadOnlyList<TestQuestion>? questions = null,
        DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null, DateTimeOffset? startsAt = null, string title = "Reunion",
        string? onlineUrl = null)
    {
        var now = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7();
        var starts = startsAt ?? now.AddDays(7);
        await using var session = await api.Services.GetRequiredService<Database>().BeginAsync(Ct);
        await session.ExecuteAsync(InsertEvent, new
        {
            Id = id,
            Status = status,
            TitleSv = title + " (sv)",
            TitleEn = title,
            Summary = "An evening with old friends.",
            StartsAt = starts,
            EndsAt = starts.AddHours(3),
            OnlineUrl = onlineUrl,
            Audience = audience,
            Capacity = capacity,
            GuestsAllowed = guestsAllowed,
            OpensAt = opensAt,
            ClosesAt = closesAt,
            Now = now,
        }, Ct);
        var position = 1;
        foreach (var question in questions ?? [])
        {
            await session.ExecuteAsync(InsertQuestion, new
            {
                question.Id,
                EventId = id,
                Position = position++,
                question.Kind,
                question.Label,
                Choices = question.ChoicesJson,
                question.Required,
            }, Ct);
        }

        foreach (var code in audienceDepartments ?? [])
        {
            await session.ExecuteAsync(InsertAudience, new { EventId = id, Code = code }, Ct);
        }

        await session.CommitAsync(Ct);
        return id;
    }

    /// <summary>Imports <paramref name="count"/> members of a department (one CSV through the API) and signs each in.</summary>
    public static async Task<IReadOnlyList<TestMember>> MembersAsync(ApiFixture api, int count, string department = "DSV")
    {
        var tag = "E" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("external_id,personal_identity_number,first_name,last_name,email,department_code,programme,degree_type,start_year,end_year,credits\n");
        var emails = Enumerable.Range(1, count).Select(i => $"{tag}.{i}@alumni.test".ToLowerInvariant()).ToList();
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{tag}{i + 1},,Member,Number {i + 1},{emails[i]},{department},,master,2010,2012,120\n");
        }

        var key = await api.KeyClientAsync("members:import");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/members/imports") { Content = new StringContent(csv.ToString(), Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var started = await key.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await ImportTests.WaitAsync(key, (await started.ReadAsync<ImportJobResponse>()).Id);
        Assert.True(job is { Status: "succeeded", Rejected: 0 } && job.Inserted == count, $"The import did not bring in {count} members: {job.Status}, {job.Inserted} inserted, {job.Rejected} rejected");
        var members = new List<TestMember>();
        foreach (var email in emails)
        {
            members.Add(await SignInAsync(api, email));
        }

        return members;
    }

    /// <summary>A member who signed up and signed in through the real flows (with English as their language).</summary>
    public static async Task<TestMember> SignedUpMemberAsync(ApiFixture api, string department = "DSV")
    {
        var email = $"ev-{Guid.NewGuid():N}@alumni.test";
        var client = await MemberClients.ActiveMemberAsync(api, email, department);
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return new TestMember(email, (await session.ExecuteScalarAsync<Guid?>(MemberByEmail, new { Email = email }, Ct))!.Value, client);
    }

    /// <summary>
    /// Signs the person with this address in as the code flow would once the code is right: the user (made if new), the
    /// members' sign-in observer (which links and verifies the member record), and a session; a client with its cookie
    /// and anti-forgery header.
    /// </summary>
    public static async Task<TestMember> SignInAsync(ApiFixture api, string email)
    {
        var now = DateTimeOffset.UtcNow;
        var token = SecretTokens.NewToken();
        var csrf = SecretTokens.NewToken(24);
        Guid memberId;
        await using (var session = await api.Services.GetRequiredService<Database>().BeginAsync(Ct))
        {
            var userId = await IdentitySql.EnsureUserAsync(session, email, null, now, Ct);
            await new MemberSignInObserver().OnSignedInAsync(session, userId, email, now, Ct);
            await session.ExecuteAsync(InsertSession, new
            {
                Id = Guid.CreateVersion7(now),
                UserId = userId,
                TokenHash = SecretTokens.Sha256(token),
                CsrfToken = csrf,
                Now = now,
                Expires = now.AddHours(4),
            }, Ct);
            memberId = (await session.ExecuteScalarAsync<Guid?>(MemberByEmail, new { Email = email }, Ct))!.Value;
            await session.CommitAsync(Ct);
        }

        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = api.Client.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", $"{SessionCookies.Session}={token}");
        client.DefaultRequestHeaders.Add(Infrastructure.Identity.CsrfHeader, csrf);
        return new TestMember(email, memberId, client);
    }
}
