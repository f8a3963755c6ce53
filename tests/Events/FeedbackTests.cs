using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Events;

namespace Alumni.Api.Tests.Events;

public sealed class FeedbackTestsOnSqlite(SqliteApi api) : FeedbackTests(api), IClassFixture<SqliteApi>;

public sealed class FeedbackTestsOnSqlServer(SqlServerApi api) : FeedbackTests(api), IClassFixture<SqlServerApi>;

/// <summary>Feedback after an event: from the checked-in only, once, and summed up for the organiser without names.</summary>
public abstract class FeedbackTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_checked_in_give_feedback_once_and_the_organiser_sees_the_figures_and_comments_without_names()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ev = await AttendanceData.EventAsync(api, "DSV", startsAt: DateTimeOffset.UtcNow.AddHours(-1));
        var (ada, adaId) = await AttendanceData.MemberAsync(api, $"fb-ada-{tag}@alumni.test");
        var (bea, beaId) = await AttendanceData.MemberAsync(api, $"fb-bea-{tag}@alumni.test");
        var (cid, cidId) = await AttendanceData.MemberAsync(api, $"fb-cid-{tag}@alumni.test");
        foreach (var member in new[] { adaId, beaId, cidId })
        {
            await AttendanceData.RegisterAsync(api, ev, member, checkedInAt: DateTimeOffset.UtcNow.AddMinutes(-50));
        }

        var given = await ada.PostAsJsonAsync($"/api/me/events/{ev.Id}/feedback", new { rating = 5, comment = "Lovely evening.\nMore of these, please!" }, Ct);
        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        var feedback = await given.ReadAsync<FeedbackResponse>();
        Assert.Equal((5, "Lovely evening.\nMore of these, please!"), (feedback.Rating, feedback.Comment));
        Assert.Equal(HttpStatusCode.Created, (await bea.PostAsJsonAsync($"/api/me/events/{ev.Id}/feedback", new { rating = 2 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await cid.PostAsJsonAsync($"/api/me/events/{ev.Id}/feedback", new { rating = 4, comment = "  Too short.  " }, Ct)).StatusCode);

        await (await ada.PostAsJsonAsync($"/api/me/events/{ev.Id}/feedback", new { rating = 1 }, Ct)).ProblemAsync(409);

        var response = await (await api.CoordinatorAsync("DSV")).GetAsync($"/api/events/{ev.Id}/feedback", Ct);
        var summary = await response.ReadAsync<FeedbackSummaryResponse>();
        Assert.Equal((3, 3.67), (summary.Count, summary.Average));
        Assert.Equal([0, 1, 0, 1, 1], summary.Distribution.Select(d => d.Count));
        Assert.Equal([1, 2, 3, 4, 5], summary.Distribution.Select(d => d.Rating));
        Assert.Equal(["Too short.", "Lovely evening.\nMore of these, please!"], summary.Comments.Select(c => c.Comment));
        Assert.Equal([4, 5], summary.Comments.Select(c => c.Rating));
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(tag, body);
        Assert.DoesNotContain(adaId.ToString(), body);
    }

    [Fact]
    public async Task A_registered_no_show_and_someone_not_registered_cannot_give_feedback()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ev = await AttendanceData.EventAsync(api, "DSV", startsAt: DateTimeOffset.UtcNow.AddDays(-1));
        var (noShow, noShowId) = await AttendanceData.MemberAsync(api, $"fb-noshow-{tag}@alumni.test");
        var (waiting, waitingId) = await AttendanceData.MemberAsync(api, $"fb-waiting-{tag}@alumni.test");
        var (stranger, _) = await AttendanceData.MemberAsync(api, $"fb-stranger-{tag}@alumni.test");
        await AttendanceData.RegisterAsync(api, ev, noShowId);
        await AttendanceData.RegisterAsync(api, ev, waitingId, "waiting");

        foreach (var member in new[] { noShow, waiting, stranger })
        {
            await (await member.PostAsJsonAsync($"/api/me/events/{ev.Id}/feedback", new { rating = 3 }, Ct)).ProblemAsync(403);
        }

        await (await noShow.PostAsJsonAsync($"/api/me/events/{Guid.NewGuid()}/feedback", new { rating = 3 }, Ct)).ProblemAsync(404);
        var summary = await (await (await api.AdminAsync()).GetAsync($"/api/events/{ev.Id}/feedback", Ct)).ReadAsync<FeedbackSummaryResponse>();
        Assert.Equal(0, summary.Count);
    }

    [Fact]
    public async Task Feedback_opens_when_the_event_starts()
    {
        var ev = await AttendanceData.EventAsync(api, "DSV", startsAt: DateTimeOffset.UtcNow.AddHours(2));
        var (member, memberId) = await AttendanceData.MemberAsync(api, $"fb-early-{Guid.NewGuid():N}@alumni.test");
        await AttendanceData.RegisterAsync(api, ev, memberId, checkedInAt: DateTimeOffset.UtcNow);

        await (await member.PostAsJsonAsync($"/api/me/events/{ev.Id}/feedback", new { rating = 4 }, Ct)).ProblemAsync(409);

        await AttendanceData.MoveAsync(api, ev, DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync($"/api/me/events/{ev.Id}/feedback", new { rating = 4 }, Ct)).StatusCode);
    }

    [Theory]
    [InlineData(0, null, "rating")]
    [InlineData(6, null, "rating")]
    [InlineData(3, 2001, "comment")]
    public async Task A_rating_outside_1_to_5_or_a_too_long_comment_is_a_field_error(int rating, int? commentLength, string field)
    {
        var ev = await AttendanceData.EventAsync(api, "DSV", startsAt: DateTimeOffset.UtcNow.AddHours(-1));
        var (member, memberId) = await AttendanceData.MemberAsync(api, $"fb-bad-{Guid.NewGuid():N}@alumni.test");
        await AttendanceData.RegisterAsync(api, ev, memberId, checkedInAt: DateTimeOffset.UtcNow);

        var problem = await (await member.PostAsJsonAsync($"/api/me/events/{ev.Id}/feedback",
            new { rating, comment = commentLength is { } n ? new string('x', n) : null }, Ct)).ProblemAsync(400);

        Assert.Contains(field, problem.Errors!.Keys);
    }
}
