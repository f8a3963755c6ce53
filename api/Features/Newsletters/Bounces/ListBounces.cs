using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Bounces;

/// <summary>The recorded bounces, newest first, by address and kind, each with whether mail to its address is stopped now.</summary>
[Access(Caller.Admin, Scope = ApiScopes.NewslettersRead)]
public sealed class ListBounces(Database db) : Endpoint<ListBouncesRequest, Paged<BounceResponse>>
{
    public override void Configure()
    {
        Get("/newsletters/bounces");
        Description(b => b
            .WithName("newsletters_listBounces")
            .WithSummary("List recorded bounces")
            .WithDescription("Newest first; email filters by one address (in any case). The total is exact up to 1,000."));
    }

    public override async Task HandleAsync(ListBouncesRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await Send.OkAsync(await Query(req).ReadAsync<BounceResponse>(session, req, ct), ct);
    }

    /// <summary>The page a request asks for: only the filters it sets.</summary>
    internal static PagedQuery Query(ListBouncesRequest req) =>
        new(BounceSql.Columns, "newsletter_bounces b", new SqlConditions()
                .Add("b.email = @Email", "Email", string.IsNullOrWhiteSpace(req.Email) ? null : TextRules.NormaliseEmail(req.Email))
                .Add("b.kind = @Kind", "Kind", req.Kind is { } kind ? BounceSql.Stored(kind) : null),
            "b.created_at DESC, b.id DESC");

    public sealed class Validator : Validator<ListBouncesRequest>
    {
        public Validator()
        {
            this.ValidatePage();
            RuleFor(r => r.Email).IsOptionalText(320);
        }
    }
}
