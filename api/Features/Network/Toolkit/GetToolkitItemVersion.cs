using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Toolkit;

/// <summary>One version of a toolkit item, whole (an old one as it was).</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class GetToolkitItemVersion(Database db) : Endpoint<ToolkitItemVersionRequest, ToolkitItemVersionResponse>
{
    private static readonly Sql OneVersion = Sql.Portable("""
        SELECT v.item_id AS ItemId, v.number AS Number, v.title_sv AS TitleSv, v.title_en AS TitleEn, v.summary_sv AS SummarySv, v.summary_en AS SummaryEn,
               v.body_sv AS BodySv, v.body_en AS BodyEn, v.change_note AS ChangeNote, v.created_at AS CreatedAt, n.name AS CreatedBy
        FROM toolkit_item_versions v
        LEFT JOIN caller_names n ON n.id = v.created_by
        WHERE v.item_id = @Id AND v.number = @Number
        """);

    public override void Configure()
    {
        Get("/network/toolkit/items/{id}/versions/{number}");
        Description(b => b
            .WithName("network_getToolkitItemVersion")
            .WithSummary("Get a version of a toolkit item")
            .WithDescription("Its texts as they were in that version, when and by whom it was made and what changed. The network (coordinators "
                + "and admins; an archived item's only for the office).")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ToolkitItemVersionRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await ToolkitSql.GetAsync(db, session, req.Id, DepartmentScope.Of(User).ScopeAll, ct);
        var version = await session.QuerySingleOrDefaultAsync<ToolkitItemVersionResponse>(OneVersion, new { req.Id, req.Number }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("network.toolkit.noVersionWithThatNumber"));
        await Send.OkAsync(version, ct);
    }
}
