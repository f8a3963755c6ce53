using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.Toolkit;

/// <summary>Changes a toolkit item: its texts become a new version with a note of what changed; the old ones stay readable.</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class UpdateToolkitItem(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UpdateToolkitItemRequest, ToolkitItemResponse>
{
    private static readonly Sql Update = Sql.Portable("""
        UPDATE toolkit_items
        SET kind = @Kind, current_version = current_version + 1, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """);

    public override void Configure()
    {
        Put("/network/toolkit/items/{id}");
        Description(b => b
            .WithName("network_updateToolkitItem")
            .WithSummary("Update a toolkit item (a new version)")
            .WithDescription("Its texts, kind and tags; the texts become the item's next version with the change note. Send the ETag in If-Match: a "
                + "stale one gets 412, none 428. The office (admins) only.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateToolkitItemRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var by = User.PersonId();
        await using var session = await db.BeginAsync(ct);
        var current = await ToolkitSql.GetAsync(db, session, req.Id, archivedToo: true, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        Preconditions.Changed(await session.ExecuteAsync(Update, new { req.Id, Kind = ToolkitSql.Db(req.Kind), Version = version, Now = now }, ct));
        await session.ExecuteAsync(ToolkitSql.InsertVersion, ToolkitSql.Version(req, req.Id, current.CurrentVersion + 1, req.ChangeNote, by, now), ct);
        await ToolkitSql.SetTagsAsync(session, req.Id, req.Tags, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.toolkit-item-update", "toolkit-item", req.Id.ToString()), ct);
        var item = await ToolkitSql.GetAsync(db, session, req.Id, archivedToo: true, ct);
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, item.Version);
        await Send.OkAsync(item, ct);
    }

    public sealed class Validator : Validator<UpdateToolkitItemRequest>
    {
        public Validator()
        {
            this.AddItemRules();
            RuleFor(r => r.ChangeNote).IsText(ToolkitRules.ChangeNoteMaxLength);
        }
    }
}
