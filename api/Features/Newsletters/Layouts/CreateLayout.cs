using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Layouts;

/// <summary>Creates a mail layout; made the default, it replaces the previous default.</summary>
[Access(Caller.Admin, Scope = ApiScopes.NewslettersWrite)]
public sealed class CreateLayout(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CreateLayoutRequest, LayoutResponse>
{
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO newsletter_layouts (id, name, header_sv, header_en, footer_sv, footer_en, postal_address, is_default, created_at, updated_at, version)
        VALUES (@Id, @Name, @HeaderSv, @HeaderEn, @FooterSv, @FooterEn, @PostalAddress, @IsDefault, @Now, @Now, 1)
        """);

    public override void Configure()
    {
        Post("/newsletters/layouts");
        Description(b => b
            .WithName("newsletters_createLayout")
            .WithSummary("Create a mail layout")
            .WithDescription("Header and footer (Markdown per language; member fields such as {{ member.first_name }} allowed) and the postal address. "
                + "With isDefault, campaigns without a layout get this one and the previous default stops being it. Admins only.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<LayoutResponse>(StatusCodes.Status201Created));
    }

    public override async Task HandleAsync(CreateLayoutRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using var session = await db.BeginAsync(ct);
        if (req.IsDefault)
        {
            await session.ExecuteAsync(LayoutSql.ClearOtherDefaults, new { Id = id, Now = now }, ct);
        }

        await session.ExecuteAsync(Insert, LayoutSql.Arguments(req, id, 1, now), ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.layout-create", "newsletter-layout", id.ToString()), ct);
        var layout = await LayoutSql.GetAsync(session, id, ct);
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, layout.Version);
        await Send.ResponseAsync(layout, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateLayoutRequest>
    {
        public Validator() => this.AddLayoutRules();
    }
}
