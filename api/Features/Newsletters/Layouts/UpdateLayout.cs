using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Layouts;

/// <summary>Changes a mail layout, guarded by its version (If-Match).</summary>
[Access(Caller.Admin, Scope = ApiScopes.NewslettersWrite)]
public sealed class UpdateLayout(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UpdateLayoutRequest, LayoutResponse>
{
    private static readonly Sql Update = Sql.Portable("""
        UPDATE newsletter_layouts
        SET name = @Name, header_sv = @HeaderSv, header_en = @HeaderEn, footer_sv = @FooterSv, footer_en = @FooterEn,
            postal_address = @PostalAddress, is_default = @IsDefault, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """);

    public override void Configure()
    {
        Put("/newsletters/layouts/{id}");
        Description(b => b
            .WithName("newsletters_updateLayout")
            .WithSummary("Update a mail layout")
            .WithDescription("Replaces the name, header, footer, postal address and whether it is the default. There is always one default: "
                + "make another layout the default instead of turning it off here (409). Send the ETag in If-Match: a stale one gets 412, none 428. Admins only.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateLayoutRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var current = await LayoutSql.GetAsync(session, req.Id, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        if (current.IsDefault && !req.IsDefault)
        {
            throw ProblemException.Conflict(Texts.Get("newsletters.makeAnotherLayoutTheDefault"));
        }

        Preconditions.Changed(await session.ExecuteAsync(Update, LayoutSql.Arguments(req, req.Id, version, now), ct));
        if (req.IsDefault)
        {
            await session.ExecuteAsync(LayoutSql.ClearOtherDefaults, new { req.Id, Now = now }, ct);
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.layout-update", "newsletter-layout", req.Id.ToString()), ct);
        var layout = await LayoutSql.GetAsync(session, req.Id, ct);
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, layout.Version);
        await Send.OkAsync(layout, ct);
    }

    public sealed class Validator : Validator<UpdateLayoutRequest>
    {
        public Validator() => this.AddLayoutRules();
    }
}
