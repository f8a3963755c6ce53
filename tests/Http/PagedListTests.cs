using Alumni.Api.Features.Events.Calendar;
using Alumni.Api.Features.Events.Attendees;
using Alumni.Api.Features.Events.Me;
using Alumni.Api.Features.Events.Occasions;
using Alumni.Api.Features.Events.Public;
using Alumni.Api.Features.Events.Registrations;
using Alumni.Api.Features.Events.Staff;
using Alumni.Api.Features.Identity.Audit;
using Alumni.Api.Features.Members.Directory;
using Alumni.Api.Features.Members.Import;
using Alumni.Api.Features.Network.Meetings;
using Alumni.Api.Features.Network.News;
using Alumni.Api.Features.Newsletters.Library;
using Alumni.Api.Features.Newsletters.Bounces;
using Alumni.Api.Features.Newsletters.Segments;
using Alumni.Api.Features.Newsletters.Campaigns;
using Alumni.Api.Features.Newsletters.Figures;
using Alumni.Api.Features.Network.Assignments;
using Alumni.Api.Features.Network.Toolkit;
using Alumni.Api.Features.Network.Initiatives;
using Alumni.Api.Features.Network.Support;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Members;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using Alumni.Contracts.Identity;
using Alumni.Contracts.Members;
using Alumni.Contracts.Network;
using Alumni.Contracts.Newsletters;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Http;

/// <summary>
/// Every paged list is built by <see cref="PagedQuery"/>: its statements hold only the filters a request sets, parse as
/// T-SQL and prepare on SQLite; a page number near the largest integer reads an empty page instead of wrapping to page 1.
/// </summary>
public sealed class PagedListTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Shapes => new(Queries().Keys);

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Every_shape_parses_as_tsql_and_prepares_on_sqlite(string shape)
    {
        var (query, request) = Queries()[shape];
        Paging.AddArguments(query.Conditions.Arguments, request);
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        foreach (var sql in new[] { query.Count, query.Rows })
        {
            var errors = TSqlParseTests.Parse(sql.SqlServer);
            Assert.True(errors.Count == 0, $"{shape}: " + string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")) + "\n" + sql.SqlServer);
            await session.QueryAsync<dynamic>(Sql.Portable("EXPLAIN " + sql.Sqlite), query.Conditions.Arguments, Ct);
        }
    }

    [Fact]
    public void Only_the_filters_a_request_sets_are_in_the_statement()
    {
        var plain = ListAudit.Query(new ListAuditRequest()).Rows.SqlServer;
        var one = ListAudit.Query(new ListAuditRequest { Action = "auth.sign-in" }).Rows.SqlServer;

        Assert.DoesNotContain("WHERE", plain, StringComparison.Ordinal);
        Assert.Contains("WHERE a.action = @Action", one, StringComparison.Ordinal);
        Assert.DoesNotContain("@ActorId", one, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/members?page=2147483647&pageSize=200")]
    [InlineData("/api/audit?page=2147483647&pageSize=200")]
    public async Task The_largest_page_number_is_an_empty_page_not_page_one(string url)
    {
        var admin = await api.SignedInAsync(ApiFixture.AdminEmail);
        await MemberClients.ActiveMemberAsync(api, $"paged-{Guid.NewGuid():N}@alumni.test");

        var page = await (await admin.GetAsync(url, Ct)).ReadAsync<Paged<System.Text.Json.JsonElement>>();

        Assert.Empty(page.Items);
        Assert.Equal((int.MaxValue, 200), (page.Page, page.PageSize));
        Assert.True(page.Total > 0);
    }

    [Fact]
    public async Task The_largest_page_number_of_the_directory_is_an_empty_page()
    {
        var member = await MemberClients.ActiveMemberAsync(api, $"paged-{Guid.NewGuid():N}@alumni.test");

        var page = await (await member.GetAsync("/api/directory?page=2147483647", Ct)).ReadAsync<Paged<DirectoryEntry>>();

        Assert.Empty(page.Items);
        Assert.Equal(int.MaxValue, page.Page);
    }

    [Theory]
    [InlineData("/api/members?page=0", "page")]
    [InlineData("/api/members?pageSize=201", "pageSize")]
    [InlineData("/api/members?sort=surname", "sort")]
    [InlineData("/api/audit?pageSize=0", "pageSize")]
    [InlineData("/api/members/imports?page=0", "page")]
    [InlineData("/api/events?pageSize=0", "pageSize")]
    [InlineData("/api/public/events?page=0", "page")]
    [InlineData("/api/newsletters/bounces?pageSize=201", "pageSize")]
    [InlineData("/api/newsletters/campaigns?pageSize=0", "pageSize")]
    [InlineData("/api/network/initiatives?page=0", "page")]
    public async Task A_bad_page_request_is_a_field_error(string url, string field)
    {
        var admin = await api.SignedInAsync(ApiFixture.AdminEmail);

        var problem = await (await admin.GetAsync(url, Ct)).ProblemAsync(400);

        Assert.Contains(field, problem.Errors!.Keys);
    }

    /// <summary>A member's registrations, with the request's language as the endpoint adds it.</summary>
    private static PagedQuery MyRegistrations(RegistrationPeriod when)
    {
        var query = ListMyRegistrations.Query(when, Guid.NewGuid(), DateTimeOffset.UtcNow);
        query.Conditions.Arguments.Add("Language", "sv");
        return query;
    }

    private static Dictionary<string, (PagedQuery Query, IPageRequest Request)> Queries()
    {
        var audit = new ListAuditRequest
        {
            Kind = AuditKind.Members, Action = "member.read", ActorId = Guid.NewGuid().ToString(), EntityType = "member", EntityId = Guid.NewGuid().ToString(),
            From = DateTimeOffset.UtcNow.AddDays(-1), To = DateTimeOffset.UtcNow, Page = 3, PageSize = 10,
        };
        var attendees = new ListRegistrationsRequest { Id = Guid.NewGuid(), Status = AttendeeStatus.NoShow, Q = "ada lovelace", Page = 2, PageSize = 20 };
        var events = new ListEventsRequest
        {
            Status = EventStatus.Published, Kind = EventKind.Lecture, Department = "dsv", From = DateTimeOffset.UtcNow, To = DateTimeOffset.UtcNow.AddDays(30),
            OccasionId = Guid.NewGuid(), Q = "reunion", Page = 2, PageSize = 10,
        };
        var myEvents = new ListMyEventsRequest { Kind = EventKind.Webinar, From = DateTimeOffset.UtcNow, To = DateTimeOffset.UtcNow.AddDays(30), Registered = true };
        var publicEvents = new ListPublicEventsRequest { Kind = EventKind.Reunion, Country = "se", Department = "DSV", From = DateTimeOffset.UtcNow, To = DateTimeOffset.UtcNow.AddDays(9) };
        var coordinator = new Alumni.Api.Infrastructure.Security.DepartmentScope(false, Guid.NewGuid());
        var occasions = new ListOccasionsRequest { Country = "co", From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 12, 31), Page = 2, PageSize = 20 };
        var segments = new ListSegmentsRequest { DepartmentId = Guid.NewGuid(), Central = true, Page = 2, PageSize = 10 };
        var campaigns = new ListNewsletterCampaignsRequest { Status = CampaignStatus.Sending, DepartmentId = Guid.NewGuid(), Central = true, Page = 2, PageSize = 20 };
        var recipients = new ListRecipientsRequest { Id = Guid.NewGuid(), State = RecipientState.Uncertain, Page = 3, PageSize = 10 };
        var directory = new SearchDirectoryRequest { Q = "an", Country = "se", Department = "dsv", Offers = MemberOffer.Mentor, Page = 2, PageSize = 5 };
        var toolkit = new ListToolkitItemsRequest
        {
            Q = "50%_länk", Kind = ToolkitItemKind.Checklist, Tag = "Rekrytering", ChangedSince = DateTimeOffset.UtcNow.AddDays(-30), Archived = true, Page = 2, PageSize = 10,
        };
        var initiatives = new ListInitiativesRequest { Kind = InitiativeKind.MeetingPlace, Status = InitiativeStatus.Open, Q = "alumni_day%", Page = 2, PageSize = 10 };
        var bounces = new ListBouncesRequest { Email = "Ada@Example.org", Kind = BounceKind.Soft, Page = 2, PageSize = 10 };
        var assignments = new ListAssignmentsRequest { UserId = Guid.NewGuid(), DepartmentCode = "dsv", IncludeEnded = true, Page = 2, PageSize = 10 };
        var supportRequests = new Alumni.Contracts.Network.ListSupportRequestsRequest
        {
            Status = Alumni.Contracts.Network.SupportRequestStatus.Approved, Year = 2027, Department = "dsv", Page = 2, PageSize = 10,
        };
        return new()
        {
            ["audit, nothing"] = (ListAudit.Query(new ListAuditRequest()), new ListAuditRequest()),
            ["audit, everything"] = (ListAudit.Query(audit), audit),
            ["directory, nothing"] = (SearchDirectory.Query(new SearchDirectoryRequest()), new SearchDirectoryRequest()),
            ["directory, everything"] = (SearchDirectory.Query(directory), directory),
            ["imports, an admin"] = (ListImports.Query(null), new ListImportsRequest()),
            ["imports, a key's own"] = (ListImports.Query(Guid.NewGuid()), new ListImportsRequest { Page = 2, PageSize = 10 }),
            ["event registrations, nothing"] = (ListRegistrations.Query(new ListRegistrationsRequest { Id = Guid.NewGuid() }, ended: false), new ListRegistrationsRequest()),
            ["event registrations, everything"] = (ListRegistrations.Query(attendees, ended: true), attendees),
            ["events, nothing"] = (ListEvents.Query(new ListEventsRequest(), coordinator), new ListEventsRequest()),
            ["events, everything"] = (ListEvents.Query(events, coordinator), events),
            ["my events, upcoming"] = (ListMyEvents.Query(new ListMyEventsRequest(), null, false, DateTimeOffset.UtcNow), new ListMyEventsRequest()),
            ["my events, everything"] = (ListMyEvents.Query(myEvents, Guid.NewGuid(), true, DateTimeOffset.UtcNow), myEvents),
            ["public events, upcoming"] = (ListPublicEvents.Query(new ListPublicEventsRequest(), DateTimeOffset.UtcNow), new ListPublicEventsRequest()),
            ["public events, everything"] = (ListPublicEvents.Query(publicEvents, DateTimeOffset.UtcNow), publicEvents),
            ["occasions, nothing"] = (ListOccasions.Query(new ListOccasionsRequest()), new ListOccasionsRequest()),
            ["occasions, everything"] = (ListOccasions.Query(occasions), occasions),
            ["public events feed, nothing"] = (GetPublicEventsCalendar.Query(new PublicEventsCalendarRequest(), DateTimeOffset.UtcNow), new GetPublicEventsCalendar.FirstEvents()),
            ["public events feed, everything"] = (GetPublicEventsCalendar.Query(
                new PublicEventsCalendarRequest { Kind = EventKind.Lecture, Country = "se", Department = "dsv", Language = "sv" }, DateTimeOffset.UtcNow),
                new GetPublicEventsCalendar.FirstEvents()),
            ["my registrations, upcoming"] = (MyRegistrations(RegistrationPeriod.Upcoming), new ListMyRegistrationsRequest()),
            ["my registrations, past"] = (MyRegistrations(RegistrationPeriod.Past), new ListMyRegistrationsRequest { When = RegistrationPeriod.Past, Page = 2, PageSize = 5 }),
            ["newsletter messages, nothing"] = (ListMessages.Query(new Alumni.Contracts.Newsletters.ListMessagesRequest()), new Alumni.Contracts.Newsletters.ListMessagesRequest()),
            ["newsletter messages, everything"] = (ListMessages.Query(new Alumni.Contracts.Newsletters.ListMessagesRequest { Tag = "Inbjudan", Q = "50%_dag" }),
                new Alumni.Contracts.Newsletters.ListMessagesRequest { Page = 2, PageSize = 10 }),
            ["network meetings, upcoming"] = (ListMeetings.Query(new ListMeetingsRequest(), DateTimeOffset.UtcNow), new ListMeetingsRequest()),
            ["network meetings, past"] = (ListMeetings.Query(new ListMeetingsRequest { When = MeetingPeriod.Past }, DateTimeOffset.UtcNow),
                new ListMeetingsRequest { Page = 2, PageSize = 10 }),
            ["network news, the network"] = (ListNews.Query(DateTimeOffset.UtcNow, office: false), new ListNewsRequest()),
            ["network news, the office"] = (ListNews.Query(DateTimeOffset.UtcNow, office: true), new ListNewsRequest { Page = 3, PageSize = 5 }),
            ["newsletter bounces, nothing"] = (ListBounces.Query(new ListBouncesRequest()), new ListBouncesRequest()),
            ["newsletter bounces, everything"] = (ListBounces.Query(bounces), bounces),
            ["newsletter segments, nothing"] = (ListSegments.Query(new ListSegmentsRequest(), coordinator), new ListSegmentsRequest()),
            ["newsletter segments, everything"] = (ListSegments.Query(segments, coordinator), segments),
            ["newsletter campaigns, nothing"] = (ListCampaigns.Query(new ListNewsletterCampaignsRequest(), coordinator), new ListNewsletterCampaignsRequest()),
            ["newsletter campaigns, everything"] = (ListCampaigns.Query(campaigns, coordinator), campaigns),
            ["campaign recipients, nothing"] = (ListRecipients.Query(new ListRecipientsRequest { Id = Guid.NewGuid() }, coordinator), new ListRecipientsRequest()),
            ["campaign recipients, everything"] = (ListRecipients.Query(recipients, coordinator), recipients),
            ["network assignments, nothing"] = (ListAssignments.Query(new ListAssignmentsRequest()), new ListAssignmentsRequest()),
            ["network assignments, everything"] = (ListAssignments.Query(assignments), assignments),
            // Network: the toolkit (net-toolkit)
            ["toolkit items, nothing"] = (ListToolkitItems.Query(new ListToolkitItemsRequest()), new ListToolkitItemsRequest()),
            ["toolkit items, everything"] = (ListToolkitItems.Query(toolkit), toolkit),
            ["network initiatives, nothing"] = (ListInitiatives.Query(new ListInitiativesRequest()), new ListInitiativesRequest()),
            ["network initiatives, everything"] = (ListInitiatives.Query(initiatives), initiatives),
            ["network support requests, nothing"] = (ListSupportRequests.Query(new Alumni.Contracts.Network.ListSupportRequestsRequest(), coordinator),
                new Alumni.Contracts.Network.ListSupportRequestsRequest()),
            ["network support requests, everything"] = (ListSupportRequests.Query(supportRequests, coordinator), supportRequests),
        };
    }
}
