using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Occasions;

/// <summary>Changes an occasion abroad, guarded by its version (If-Match).</summary>
[Access(Caller.Admin)]
public sealed class UpdateOccasion(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UpdateOccasionRequest, OccasionResponse>
{
    private static readonly Sql Update = Sql.Portable("""
        UPDATE occasions
        SET title = @Title, purpose = @Purpose, city = @City, country = @Country,
            starts_on = @StartsOn, ends_on = @EndsOn, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """);

    public override void Configure()
    {
        Put("/occasions/{id}");
        Description(b => b
            .WithName("events_updateOccasion")
            .WithSummary("Update an occasion abroad")
            .WithDescription("Replaces the title, purpose, city, country and days. Send the ETag (the occasion's version) in If-Match: "
                + "a stale one gets 412, none gets 428. Admins only.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateOccasionRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var current = await OccasionSql.GetAsync(session, req.Id, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        Preconditions.Changed(await session.ExecuteAsync(Update, OccasionSql.Arguments(req, req.Id, version, time.GetUtcNow()), ct));
        await audit.WriteAsync(session, HttpContext, new AuditEvent("occasion.update", "occasion", req.Id.ToString()), ct);
        var occasion = await OccasionSql.GetAsync(session, req.Id, ct);
        await session.CommitAsync(ct);
        OccasionSql.SetETag(HttpContext, occasion);
        await Send.OkAsync(occasion, ct);
    }

    public sealed class Validator : Validator<UpdateOccasionRequest>
    {
        public Validator() => this.AddOccasionRules();
    }
}
