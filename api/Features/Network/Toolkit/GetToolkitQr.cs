using Alumni.Api.Features.Events.CheckIn;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Toolkit;

/// <summary>The QR code (PNG) of a department's newest open recruitment link, for the toolkit's <c>{{department.recruitment_qr}}</c>.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class GetToolkitQr(Database db) : Endpoint<ToolkitQrRequest>
{
    public override void Configure()
    {
        Get("/network/toolkit/qr");
        Description(b => b
            .WithName("network_getToolkitQr")
            .WithSummary("Get the QR code of a department's recruitment link")
            .WithDescription("A PNG of the department's newest open recruitment link (404 when it has none open). `department` is a code: a "
                + "coordinator's own (another department is a 403), any for an admin; an unknown code is a 400.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<byte[]>(StatusCodes.Status200OK, CheckInCodes.PngMediaType)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ToolkitQrRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.OpenAsync(ct);
        var department = await ToolkitDepartments.ResolveAsync(session, scope, req.Department, "department", ct);
        var origin = $"{HttpContext.Request.Scheme}://{HttpContext.Request.Host}";
        var link = await ToolkitDepartments.RecruitmentLinkAsync(session, scope, department.Id, origin, ct)
            ?? throw ProblemException.NotFound(Texts.Get("network.toolkit.noOpenRecruitmentLink"));
        HttpContext.Response.Headers.CacheControl = "private, no-store";
        await Send.BytesAsync(CheckInCodes.QrPng(link), contentType: CheckInCodes.PngMediaType, cancellation: ct);
    }
}
