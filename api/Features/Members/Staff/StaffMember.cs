using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;

namespace Alumni.Api.Features.Members.Staff;

/// <summary>Staff access to one member: exists and in the caller's department scope, or a 404 (never a hint that it exists).</summary>
internal static class StaffMember
{
    /// <summary>Goes on when the caller may see the member; otherwise 404.</summary>
    public static async Task CheckAsync(DbSession session, HttpContext context, Guid id, CancellationToken ct)
    {
        if (!await MemberScope.ContainsAsync(session, id, DepartmentScope.Of(context.User), ct))
        {
            throw ProblemException.NotFound("No member with that id among the members you may see.");
        }
    }
}
