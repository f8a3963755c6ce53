using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Members.Me;

/// <summary>
/// Confirms the sign-up made for my address: it becomes my active member record, linked to me, and of the consents it
/// asked for exactly those I confirm are granted (kept in the history as given on the sign-up form); every other channel
/// stays off.
/// </summary>
[Access(Caller.SignedIn)]
public sealed class ConfirmMyPendingSignUp(Database db, TimeProvider time) : Endpoint<ConfirmSignUpRequest, MemberResponse>
{
    private static readonly Sql Activate = Sql.Portable("""
        UPDATE members
        SET user_id = @UserId, status = 'Active', verified_at = @Now, requested_consents = NULL, directory_listed = @Listed,
            updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND status = 'Pending' AND user_id IS NULL
        """);

    private static readonly Sql HasMember = Sql.Portable("""
        SELECT COUNT(*) FROM members WHERE user_id = @UserId
        """);

    public override void Configure()
    {
        Post("/me/pending-sign-up/confirm");
        Description(b => b
            .WithName("members_confirmMyPendingSignUp")
            .WithSummary("Confirm the sign-up made for my address")
            .WithDescription("Send the ETag of members_getMyPendingSignUp in If-Match (a newer sign-up for the address replaces the one read: 412). "
                + "consents names the channels I agree to, each one the sign-up asked for; the others stay off.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed));
    }

    public override async Task HandleAsync(ConfirmSignUpRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var userId = User.PersonId()!.Value;
        await using var session = await db.BeginAsync(ct);
        var pending = await MyPendingSignUp.FindAsync(session, HttpContext, ct);
        var version = Preconditions.Check(HttpContext, pending.Version);

        var requested = MemberRules.ParseConsents(pending.RequestedConsents);
        for (var i = 0; i < req.Consents.Count; i++)
        {
            if (!requested.Contains(req.Consents[i]))
            {
                AddError(new FluentValidation.Results.ValidationFailure($"consents[{i}]", Texts.Get("members.theSignUpDidNotAsk")));
            }
        }

        ThrowIfAnyErrors();
        if (await session.ExecuteScalarAsync<long>(HasMember, new { UserId = userId }, ct) > 0)
        {
            throw ProblemException.Conflict(Texts.Get("members.youAlreadyHaveAMember"));
        }

        var granted = req.Consents.ToHashSet();
        Preconditions.Changed(await session.ExecuteAsync(Activate, new
        {
            pending.Id,
            Version = version,
            UserId = userId,
            Listed = granted.Contains(ConsentChannel.Directory),
            Now = now,
        }, ct));
        await MemberSql.SetConsentsAsync(session, pending.Id, Enum.GetValues<ConsentChannel>().Select(c => (c, granted.Contains(c))),
            ConsentMethod.SignUpForm, now, ct);
        var member = (await MemberSql.LoadAsync(session, pending.Id, ct))!;
        await session.CommitAsync(ct);
        await MyMember.SendAsync(HttpContext, member, StatusCodes.Status200OK, ct);
    }

    public sealed class Validator : Validator<ConfirmSignUpRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Consents).Must(c => c.Distinct().Count() == c.Count)
                .WithMessage(_ => Texts.Get("members.nameEachChannelOnce"));
        }
    }
}
