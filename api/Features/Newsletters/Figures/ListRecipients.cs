using Alumni.Api.Features.Newsletters.Campaigns;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Figures;

/// <summary>A page of a campaign's recipients (the caller's campaigns only), with their names and where each mail stands.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class ListRecipients(Database db) : Endpoint<ListRecipientsRequest, Paged<RecipientResponse>>
{
    private const string Columns = """
        SELECT r.member_id AS MemberId, n.first_name AS FirstName, n.last_name AS LastName, n.is_erased AS Erased, r.email AS Email,
               r.language AS Language, r.batch AS Batch, r.state AS State, r.reason AS Reason, r.attempts AS Attempts, r.updated_at AS UpdatedAt
        """;

    private const string From = """
        newsletter_recipients r
        LEFT JOIN member_names n ON n.id = r.member_id
        """;

    private static readonly Sql Campaign = Sql.Portable($"""
        SELECT COUNT(*) FROM newsletter_campaigns m WHERE m.id = @Id AND {CampaignSql.Scope}
        """);

    public override void Configure()
    {
        Get("/newsletters/campaigns/{id}/recipients");
        Description(b => b
            .WithName("newsletters_listRecipients")
            .WithSummary("List a campaign's recipients")
            .WithDescription("In the order they were fixed. Filter: state. Another department's campaign is a 404.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ListRecipientsRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.OpenAsync(ct);
        if (await session.ExecuteScalarAsync<long>(Campaign, new { req.Id, scope.ScopeAll, scope.ScopeUserId }, ct) == 0)
        {
            throw ProblemException.NotFound(Texts.Get("newsletters.campaigns.noCampaignWithThatId"));
        }

        var page = await Query(req, scope).ReadAsync<RecipientRow>(session, req, ct);
        await Send.OkAsync(new Paged<RecipientResponse>
        {
            Items = page.Items.Select(r => r.ToResponse()).ToList(),
            Page = page.Page,
            PageSize = page.PageSize,
            Total = page.Total,
            TotalExact = page.TotalExact,
        }, ct);
    }

    /// <summary>The page a request asks for, of a campaign in the caller's scope.</summary>
    internal static PagedQuery Query(ListRecipientsRequest req, DepartmentScope scope)
    {
        var conditions = new SqlConditions()
            .Add("r.campaign_id = @Id", "Id", req.Id)
            .Add($"EXISTS (SELECT 1 FROM newsletter_campaigns m WHERE m.id = r.campaign_id AND {CampaignSql.Scope})")
            .Add("r.state = @State", "State", req.State is { } state ? CampaignRules.Db(state) : null);
        conditions.Arguments.Add("ScopeAll", scope.ScopeAll);
        conditions.Arguments.Add("ScopeUserId", scope.ScopeUserId);
        return new PagedQuery(Columns, From, conditions, "r.batch, r.member_id");
    }

    public sealed class Validator : Validator<ListRecipientsRequest>
    {
        public Validator() => this.ValidatePage();
    }

    internal sealed record RecipientRow
    {
        public Guid MemberId { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public bool? Erased { get; init; }
        public string? Email { get; init; }
        public string Language { get; init; } = "";
        public int Batch { get; init; }
        public RecipientState State { get; init; }
        public string? Reason { get; init; }
        public int Attempts { get; init; }
        public DateTimeOffset? UpdatedAt { get; init; }

        public RecipientResponse ToResponse() => new()
        {
            MemberId = MemberId,
            Name = Erased == true ? null : TextRules.Clean(string.Join(' ', new[] { FirstName, LastName }.Where(p => !string.IsNullOrWhiteSpace(p)))),
            Email = Email,
            Language = Language,
            Batch = Batch,
            State = State,
            Reason = Reason,
            Attempts = Attempts,
            UpdatedAt = UpdatedAt,
        };
    }
}
