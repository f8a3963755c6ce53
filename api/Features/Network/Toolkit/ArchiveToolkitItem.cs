using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Toolkit;

/// <summary>Archive a toolkit item.</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class ArchiveToolkitItem(Database db, IAuditLog audit, TimeProvider time) : Endpoint<ToolkitItemByIdRequest, ToolkitItemResponse>
{
    private static readonly Sql Change = Sql.Portable("""
        UPDATE toolkit_items SET archived_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND archived_at IS NULL
        """);

    public override void Configure()
    {
        Post("/network/toolkit/items/{id}/archive");
        Description(b => b
            .WithName("network_archiveToolkitItem")
            .WithSummary("Archive a toolkit item")
            .WithDescription("Takes it out of the network's toolkit (the office still finds it with archived=true); its versions are kept. An archived item is a 409. If-Match is optional: a stale ETag gets 412. The office (admins) only.")
            .WithMetadata(new AcceptsIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed));
    }

    public override async Task HandleAsync(ToolkitItemByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var current = await ToolkitSql.GetAsync(db, session, req.Id, archivedToo: true, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        if (current.ArchivedAt is not null)
        {
            throw ProblemException.Conflict(Texts.Get("network.toolkit.alreadyArchived"));
        }

        Preconditions.Changed(await session.ExecuteAsync(Change, new { req.Id, Version = version, Now = time.GetUtcNow() }, ct));
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.toolkit-item-archive", "toolkit-item", req.Id.ToString()), ct);
        var item = await ToolkitSql.GetAsync(db, session, req.Id, archivedToo: true, ct);
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, item.Version);
        await Send.OkAsync(item, ct);
    }
}
