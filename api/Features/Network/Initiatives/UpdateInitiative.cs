using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Initiatives;

/// <summary>The office changes an initiative's kind, texts and period, guarded by its version (If-Match).</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class UpdateInitiative(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UpdateInitiativeRequest, InitiativeResponse>
{
    private static readonly Sql Update = Sql.Portable("""
        UPDATE network_initiatives
        SET kind = @Kind, title_sv = @TitleSv, title_en = @TitleEn, description_sv = @DescriptionSv, description_en = @DescriptionEn,
            starts_on = @StartsOn, ends_on = @EndsOn, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """);

    public override void Configure()
    {
        Put("/network/initiatives/{id}");
        Description(b => b
            .WithName("network_updateInitiative")
            .WithSummary("Update an initiative")
            .WithDescription("Replaces the kind, texts and period (open or closed alike; who joined stays). Send the ETag in If-Match: a stale one "
                + "gets 412, none 428. Admins only.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateInitiativeRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var current = await InitiativeSql.GetAsync(session, req.Id, scope, ct);
        var values = new Dapper.DynamicParameters(InitiativeValues.Of(req.Id, req, now));
        values.Add("Version", Preconditions.Check(HttpContext, current.Version));
        Preconditions.Changed(await session.ExecuteAsync(Update, values, ct));
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.initiative-update", InitiativeRules.AuditEntity, req.Id.ToString()), ct);
        var updated = await InitiativeSql.GetAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        await InitiativeSql.SendAsync(HttpContext, updated, StatusCodes.Status200OK, ct);
    }

    public sealed class Validator : Validator<UpdateInitiativeRequest>
    {
        public Validator() => this.AddInitiativeRules();
    }
}
