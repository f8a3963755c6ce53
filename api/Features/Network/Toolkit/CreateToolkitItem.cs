using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Toolkit;

/// <summary>Adds an item to the toolkit: its version 1.</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class CreateToolkitItem(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CreateToolkitItemRequest, ToolkitItemResponse>
{
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO toolkit_items (id, kind, current_version, created_by, created_at, updated_at, version)
        VALUES (@Id, @Kind, 1, @By, @Now, @Now, 1)
        """);

    public override void Configure()
    {
        Post("/network/toolkit/items");
        Description(b => b
            .WithName("network_createToolkitItem")
            .WithSummary("Create a toolkit item")
            .WithDescription("A message, template, guide or checklist with a title, summary and body (Markdown) in Swedish and English (at least one "
                + "language with a title and a body) and up to 10 tags; its version 1. The texts may hold the toolkit's placeholders "
                + "({{department.name}} and the others); an unknown one is a 400 on its field. The office (admins) only.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<ToolkitItemResponse>(StatusCodes.Status201Created));
    }

    public override async Task HandleAsync(CreateToolkitItemRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var by = User.PersonId();
        await using var session = await db.BeginAsync(ct);
        await session.ExecuteAsync(Insert, new { Id = id, Kind = ToolkitSql.Db(req.Kind), By = by, Now = now }, ct);
        await session.ExecuteAsync(ToolkitSql.InsertVersion, ToolkitSql.Version(req, id, 1, null, by, now), ct);
        await ToolkitSql.SetTagsAsync(session, id, req.Tags, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.toolkit-item-create", "toolkit-item", id.ToString()), ct);
        var item = await ToolkitSql.GetAsync(db, session, id, archivedToo: true, ct);
        await session.CommitAsync(ct);
        HttpContext.Response.Headers.Location = $"/api/network/toolkit/items/{id}";
        Preconditions.SetETag(HttpContext, item.Version);
        await Send.ResponseAsync(item, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateToolkitItemRequest>
    {
        public Validator() => this.AddItemRules();
    }
}
