using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Occasions;

/// <summary>Creates an occasion abroad: a visit or delegation (city, country, dates, purpose) that events belong to.</summary>
[Access(Caller.Admin)]
public sealed class CreateOccasion(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CreateOccasionRequest, OccasionResponse>
{
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO occasions (id, title, purpose, city, country, starts_on, ends_on, created_at, updated_at, version)
        VALUES (@Id, @Title, @Purpose, @City, @Country, @StartsOn, @EndsOn, @Now, @Now, 1)
        """);

    public override void Configure()
    {
        Post("/occasions");
        Description(b => b
            .WithName("events_createOccasion")
            .WithSummary("Create an occasion abroad")
            .WithDescription("A visit or delegation of the university (title, city, ISO country, first and last day, purpose) that events belong to. Admins only.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<OccasionResponse>(StatusCodes.Status201Created));
    }

    public override async Task HandleAsync(CreateOccasionRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using var session = await db.BeginAsync(ct);
        await session.ExecuteAsync(Insert, OccasionSql.Arguments(req, id, 1, now), ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("occasion.create", "occasion", id.ToString()), ct);
        var occasion = await OccasionSql.GetAsync(session, id, ct);
        await session.CommitAsync(ct);
        OccasionSql.SetETag(HttpContext, occasion);
        await Send.ResponseAsync(occasion, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateOccasionRequest>
    {
        public Validator() => this.AddOccasionRules();
    }
}
