using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.Support;

/// <summary>The requests the caller sees (a coordinator: those their departments ask for or take part in; the office: all), newest first.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class ListSupportRequests(Database db) : Endpoint<ListSupportRequestsRequest, Paged<SupportRequestSummary>>
{
    private const string Columns = """
        SELECT r.id AS Id, d.code AS DepartmentCode, r.title AS Title, r.starts_on AS StartsOn, r.ends_on AS EndsOn, r.status AS Status,
               (SELECT COUNT(*) FROM network_support_request_departments c WHERE c.request_id = r.id) AS DepartmentCount,
               r.event_id AS EventId, r.created_at AS CreatedAt, r.updated_at AS UpdatedAt
        """;

    private const string From = """
        network_support_requests r
        JOIN department_directory d ON d.id = r.department_id
        """;

    public override void Configure()
    {
        Get("/network/support-requests");
        Description(b => b
            .WithName("network_listSupportRequests")
            .WithSummary("List support requests")
            .WithDescription("Newest first. A coordinator sees those one of their departments asks for or takes part in; admins all. Filters: status, "
                + "year (of the activity's first day), department (a code: the requests it asks for or takes part in). The total is exact up to 1,000."));
    }

    public override async Task HandleAsync(ListSupportRequestsRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await Send.OkAsync(await Query(req, DepartmentScope.Of(User)).ReadAsync<SupportRequestSummary>(session, req, ct), ct);
    }

    /// <summary>The page a request asks for, within the caller's scope.</summary>
    internal static PagedQuery Query(ListSupportRequestsRequest req, DepartmentScope scope)
    {
        var conditions = new SqlConditions()
            .Add(SupportSql.Visible)
            .Add("r.status = @Status", "Status", req.Status is { } status ? SupportStateMachine.Db(status) : null)
            .Add("r.starts_on >= @YearStart", "YearStart", req.Year is { } y ? new DateOnly(y, 1, 1) : null)
            .Add("r.starts_on < @NextYearStart", "NextYearStart", req.Year is { } n ? new DateOnly(n + 1, 1, 1) : null)
            .Add("""
                EXISTS (SELECT 1 FROM network_support_request_departments fp JOIN department_directory fd ON fd.id = fp.department_id
                        WHERE fp.request_id = r.id AND fd.code = @Department)
                """, "Department", TextRules.Clean(req.Department)?.ToUpperInvariant());
        conditions.Arguments.Add("ScopeAll", scope.ScopeAll);
        conditions.Arguments.Add("ScopeUserId", scope.ScopeUserId);
        return new PagedQuery(Columns, From, conditions, "r.created_at DESC, r.id DESC");
    }

    public sealed class Validator : Validator<ListSupportRequestsRequest>
    {
        public Validator()
        {
            this.ValidatePage();
            RuleFor(r => r.Year).InclusiveBetween(2000, 2999).When(r => r.Year is not null)
                .WithMessage(_ => Texts.Get("network.support.chooseAYear"));
        }
    }
}
