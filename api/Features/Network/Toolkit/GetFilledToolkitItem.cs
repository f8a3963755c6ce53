using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Toolkit;

/// <summary>A toolkit item's current texts with the placeholders filled for one of the caller's departments.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class GetFilledToolkitItem(Database db) : Endpoint<FilledToolkitItemRequest, FilledToolkitItemResponse>
{
    public override void Configure()
    {
        Get("/network/toolkit/items/{id}/filled");
        Description(b => b
            .WithName("network_getFilledToolkitItem")
            .WithSummary("Get a toolkit item filled for a department")
            .WithDescription("The current version's texts with {{department.name}} (in the text's language), {{department.code}}, "
                + "{{department.recruitment_link}} (the department's newest open recruitment link), {{department.recruitment_qr}} (the address of "
                + "that link's QR code), {{coordinator.name}}, {{coordinator.email}} and {{coordinator.phone}} (its active coordinators) put in. "
                + "`department` is a code: a coordinator's own (default their first; another department is a 403), any for an admin; an unknown "
                + "code is a 400. A placeholder without a value stays as a visible marker ([saknas: …] / [missing: …]) and is listed in `missing`.")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(FilledToolkitItemRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.OpenAsync(ct);
        var item = await ToolkitSql.GetAsync(db, session, req.Id, scope.ScopeAll, ct);
        var department = await ToolkitDepartments.ResolveAsync(session, scope, req.Department, "department", ct);
        var origin = $"{HttpContext.Request.Scheme}://{HttpContext.Request.Host}";
        var (swedish, english, link, qr) = await ToolkitDepartments.ValuesAsync(session, scope, department, origin, ct);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        await Send.OkAsync(new FilledToolkitItemResponse
        {
            ItemId = item.Id,
            Kind = item.Kind,
            Number = item.CurrentVersion,
            Department = department,
            TitleSv = ToolkitPlaceholders.Fill(item.TitleSv, swedish, swedish: true, missing),
            TitleEn = ToolkitPlaceholders.Fill(item.TitleEn, english, swedish: false, missing),
            SummarySv = ToolkitPlaceholders.Fill(item.SummarySv, swedish, swedish: true, missing),
            SummaryEn = ToolkitPlaceholders.Fill(item.SummaryEn, english, swedish: false, missing),
            BodySv = ToolkitPlaceholders.Fill(item.BodySv, swedish, swedish: true, missing),
            BodyEn = ToolkitPlaceholders.Fill(item.BodyEn, english, swedish: false, missing),
            RecruitmentLink = link,
            RecruitmentQrUrl = qr,
            Missing = missing.ToList(),
        }, ct);
    }
}
