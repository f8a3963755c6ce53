using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;

namespace Alumni.Api.Features.Identity.Users;

/// <summary>The outcome of a change to a user's roles: an audit entry when something changed, or a problem.</summary>
internal sealed record ChangeOutcome(AuditEvent? Audit = null, int ProblemStatus = 0, string? ProblemDetail = null)
{
    public static ChangeOutcome Unchanged { get; } = new();

    public static ChangeOutcome Changed(AuditEvent audit) => new(audit);

    public static ChangeOutcome Problem(int status, string detail) => new(null, status, detail);
}

/// <summary>
/// The shape every role change shares: in one transaction, find the user (404 if unknown), apply the change,
/// write its audit row, and answer with the user as they now are. A problem rolls everything back.
/// </summary>
internal static class UserChange
{
    public static async Task HandleAsync(HttpContext context, Database db, IAuditLog audit, Guid userId,
        Func<DbSession, Task<ChangeOutcome>> change, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        if (await IdentitySql.GetUserAsync(session, userId, ct) is null)
        {
            throw new ProblemException(StatusCodes.Status404NotFound, "No user has that id.");
        }

        var outcome = await change(session);
        if (outcome.ProblemStatus != 0)
        {
            throw new ProblemException(outcome.ProblemStatus, outcome.ProblemDetail!);
        }

        if (outcome.Audit is not null)
        {
            await audit.WriteAsync(session, context, outcome.Audit, ct);
        }

        var user = await IdentitySql.GetUserAsync(session, userId, ct);
        await session.CommitAsync(ct);
        await context.Response.WriteAsJsonAsync(user, ct);
    }
}
