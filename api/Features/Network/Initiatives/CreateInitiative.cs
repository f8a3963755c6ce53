using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Initiatives;

/// <summary>The office starts an initiative, platform or meeting place that departments may join.</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class CreateInitiative(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CreateInitiativeRequest, InitiativeResponse>
{
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO network_initiatives (id, kind, title_sv, title_en, description_sv, description_en, starts_on, ends_on, status,
                                         created_by, created_at, updated_at, version)
        VALUES (@Id, @Kind, @TitleSv, @TitleEn, @DescriptionSv, @DescriptionEn, @StartsOn, @EndsOn, 'open', @CreatedBy, @Now, @Now, 1)
        """);

    public override void Configure()
    {
        Post("/network/initiatives");
        Description(b => b
            .WithName("network_createInitiative")
            .WithSummary("Create an initiative")
            .WithDescription("A new open initiative with its kind, texts in Swedish and English (at least one title; the descriptions Markdown) "
                + "and period (an end before the start is a 400). Admins only.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<InitiativeResponse>(StatusCodes.Status201Created));
    }

    public override async Task HandleAsync(CreateInitiativeRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using var session = await db.BeginAsync(ct);
        await session.ExecuteAsync(Insert, InitiativeValues.Of(id, req, now, User.PersonId()), ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.initiative-create", InitiativeRules.AuditEntity, id.ToString()), ct);
        var created = await InitiativeSql.GetAsync(session, id, DepartmentScope.Of(User), ct);
        await session.CommitAsync(ct);
        HttpContext.Response.Headers.Location = $"/api/network/initiatives/{id}";
        await InitiativeSql.SendAsync(HttpContext, created, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateInitiativeRequest>
    {
        public Validator() => this.AddInitiativeRules();
    }
}

/// <summary>The stored values of an initiative's fields, as the insert and the update name them.</summary>
internal static class InitiativeValues
{
    public static object Of(Guid id, InitiativeInput r, DateTimeOffset now, Guid? createdBy = null) => new
    {
        Id = id,
        Kind = InitiativeRules.Db(r.Kind),
        TitleSv = TextRules.Clean(r.TitleSv),
        TitleEn = TextRules.Clean(r.TitleEn),
        DescriptionSv = TextRules.Clean(r.DescriptionSv),
        DescriptionEn = TextRules.Clean(r.DescriptionEn),
        r.StartsOn,
        r.EndsOn,
        CreatedBy = createdBy,
        Now = now,
    };
}
