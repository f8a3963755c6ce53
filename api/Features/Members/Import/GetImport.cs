using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Import;

/// <summary>An import's progress and, when it is done, its report.</summary>
[Access(Caller.Admin, Scope = ApiScopes.MembersImport)]
public sealed class GetImport(Database db) : Endpoint<ImportByIdRequest, ImportJobResponse>
{
    public override void Configure()
    {
        Get("/members/imports/{id}");
        Description(b => b
            .WithName("members_getImport")
            .WithSummary("Follow an import")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ImportByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        if (await ImportJobs.GetAsync(session, req.Id, User.ApiKeyId(), ct) is not { } job)
        {
            throw new ProblemException(StatusCodes.Status404NotFound, "No import has that id.");
        }

        await Send.OkAsync(job, ct);
    }
}
