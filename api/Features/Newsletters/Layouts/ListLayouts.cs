using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Layouts;

/// <summary>The layouts, the default first.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class ListLayouts(Database db) : EndpointWithoutRequest<IReadOnlyList<LayoutResponse>>
{
    private static readonly Sql All = Sql.Portable(LayoutSql.Columns + """

        FROM newsletter_layouts l
        ORDER BY l.is_default DESC, l.name, l.id
        """);

    public override void Configure()
    {
        Get("/newsletters/layouts");
        Description(b => b
            .WithName("newsletters_listLayouts")
            .WithSummary("List the mail layouts")
            .WithDescription("Every layout (header, footer, postal address) campaigns can use, the default one first. Admins and coordinators."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await Send.OkAsync(await session.QueryAsync<LayoutResponse>(All, null, ct), ct);
    }
}
