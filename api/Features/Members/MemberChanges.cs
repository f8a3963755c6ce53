using Alumni.Api.Infrastructure.Http;

namespace Alumni.Api.Features.Members;

/// <summary>Optimistic concurrency of member records.</summary>
internal static class MemberChanges
{
    /// <summary>Answers 428 without If-Match or 412 when it names another version; true when it answered.</summary>
    public static async Task<bool> CheckIfMatchAsync(HttpContext context, IfMatch ifMatch, int version)
    {
        if (!ifMatch.Present)
        {
            await context.SendProblemAsync(StatusCodes.Status428PreconditionRequired,
                "Send the record's ETag in If-Match, so that a change made in the meantime is not overwritten.");
            return true;
        }

        if (!ifMatch.Matches(version))
        {
            await context.SendProblemAsync(StatusCodes.Status412PreconditionFailed,
                $"The record has changed since you read it (its ETag is now {EntityTags.For(version)}). Read it again and reapply your change.");
            return true;
        }

        return false;
    }
}
