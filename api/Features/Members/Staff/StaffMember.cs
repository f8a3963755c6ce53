using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;

namespace Alumni.Api.Features.Members.Staff;

/// <summary>Staff access to one member: exists and in the caller's department scope, or a 404 (never a hint that it exists).</summary>
internal static class StaffMember
{
    /// <summary>True when the caller may see the member; otherwise answers 404.</summary>
    public static async Task<bool> InScopeAsync(DbSession session, HttpContext context, Guid id, CancellationToken ct)
    {
        if (await MemberScope.ContainsAsync(session, id, DepartmentScope.Of(context.User), ct))
        {
            return true;
        }

        await context.SendProblemAsync(StatusCodes.Status404NotFound, "No member with that id among the members you may see.");
        return false;
    }
}
