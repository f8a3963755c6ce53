using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Members;

/// <summary>
/// Public sign-up to the alumni network. Anyone can give any address, so a sign-up is only a request: it creates a
/// pending member holding the names, studies and the consents asked for, none of them granted, until the owner of the
/// address signs in with the e-mailed code and confirms it (<c>members_confirmMyPendingSignUp</c>). A new sign-up for
/// an address whose sign-up is still unconfirmed replaces it; an address that is already a member creates nothing; the
/// answer is the same in every case. A sign-up through a closed campaign's link is taken, but not counted for the campaign.
/// </summary>
[Access(Caller.Anonymous)]
public sealed class SignUp(Database db, TimeProvider time) : Endpoint<SignUpRequest, SignUpResponse>
{
    private static readonly Sql Existing = Sql.Portable("""
        SELECT id AS Id, status AS Status, version AS Version FROM members WHERE email = @Email
        """);

    private static readonly Sql DeleteUnconfirmed = Sql.Portable("""
        DELETE FROM members WHERE id = @Id AND status = 'Pending' AND user_id IS NULL
        """);

    [Unscoped("finds a public invitation link by its token")]
    private static readonly Sql CampaignByToken = Sql.Portable("""
        SELECT id AS Id, closed_at AS ClosedAt FROM recruitment_campaigns WHERE token = @Token
        """);

    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO members (id, email, first_name, last_name, preferred_language, status, source, campaign_id, credits_confirmed,
                             directory_listed, requested_consents, search_text, created_at, updated_at, version)
        VALUES (@Id, @Email, @FirstName, @LastName, @PreferredLanguage, 'Pending', 'SignUp', @CampaignId, 1,
                0, @RequestedConsents, @SearchText, @Now, @Now, @Version)
        """);

    public override void Configure()
    {
        Post("/members/sign-up");
        Options(b => b.RequireRateLimiting(MembersModule.SignUpLimit));
        Description(b => b
            .WithName("members_signUp")
            .WithSummary("Sign up to the alumni network")
            .WithDescription("Anyone who has earned at least 1 hp at the university. Then the owner of the address signs in (identity_requestCode, "
                + "identity_signIn) and confirms the sign-up with the consents they give (members_getMyPendingSignUp, members_confirmMyPendingSignUp). "
                + "A new sign-up for an address whose sign-up is unconfirmed replaces it.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<SignUpResponse>(StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status429TooManyRequests));
    }

    public override async Task HandleAsync(SignUpRequest req, CancellationToken ct)
    {
        var email = TextRules.NormaliseEmail(req.Email);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var departments = await MemberSql.DepartmentIdsAsync(session, req.Affiliations.Select(a => a.DepartmentCode), ct);
        for (var i = 0; i < req.Affiliations.Count; i++)
        {
            if (!departments.ContainsKey(req.Affiliations[i].DepartmentCode.Trim().ToUpperInvariant()))
            {
                AddError(new FluentValidation.Results.ValidationFailure($"affiliations[{i}].departmentCode",
                    Texts.Get("members.noActiveDepartmentHasThis")));
            }
        }

        Guid? campaign = null;
        if (!string.IsNullOrWhiteSpace(req.CampaignToken))
        {
            var link = await session.QuerySingleOrDefaultAsync<CampaignLink>(CampaignByToken, new { Token = req.CampaignToken.Trim() }, ct);
            if (link is null)
            {
                AddError(r => r.CampaignToken!, Texts.Get("members.thisInvitationLinkIsNot"));
            }

            // A closed campaign counts no more sign-ups: the person joins all the same, through no campaign.
            campaign = link is { ClosedAt: null } ? link.Id : null;
        }

        ThrowIfAnyErrors();
        var existing = await session.QuerySingleOrDefaultAsync<ExistingMember>(Existing, new { Email = email }, ct);
        if (existing is { Status: nameof(MemberStatus.Pending) })
        {
            // Unconfirmed, so nobody's yet: the newer sign-up replaces it. Its version goes on, so that a confirmation
            // sent with the ETag of the one replaced does not confirm this one unseen.
            await session.ExecuteAsync(DeleteUnconfirmed, new { existing.Id }, ct);
        }

        if (existing is null or { Status: nameof(MemberStatus.Pending) })
        {
            var id = Guid.CreateVersion7(now);
            await session.ExecuteAsync(Insert, new
            {
                Id = id,
                Email = email,
                FirstName = req.FirstName.Trim(),
                LastName = req.LastName.Trim(),
                req.PreferredLanguage,
                CampaignId = campaign,
                RequestedConsents = MemberRules.FormatConsents(req.Consents),
                SearchText = MemberSql.SearchText(req.FirstName, req.LastName, email, [], null),
                Version = (existing?.Version ?? 0) + 1,
                Now = now,
            }, ct);
            await session.ExecuteAsync(MemberSql.IndexNewMember, new { Id = id }, ct);
            foreach (var affiliation in req.Affiliations)
            {
                await MemberSql.AddAffiliationAsync(session, id, departments[affiliation.DepartmentCode.Trim().ToUpperInvariant()], affiliation, verified: false, now, ct);
            }

            await session.CommitAsync(ct);
        }

        await Send.ResponseAsync(new SignUpResponse
        {
            Message = Texts.Get("members.thankYouVerifyYourAddress"),
        }, StatusCodes.Status202Accepted, ct);
    }

    public sealed class Validator : Validator<SignUpRequest>
    {
        public Validator()
        {
            var time = TimeProvider.System;
            RuleFor(r => r.FirstName).IsPersonName();
            RuleFor(r => r.LastName).IsPersonName();
            RuleFor(r => r.Email).Must(TextRules.IsEmailAddress)
                .WithMessage(_ => Texts.Get("members.enterAValidEMail"));
            RuleFor(r => r.PreferredLanguage).IsLanguage();
            RuleFor(r => r.Affiliations)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => Texts.Get("members.tellUsWhatYouStudied"))
                .Must(a => a.Count <= 20).WithMessage(_ => Texts.Get("members.atMost20Studies"))
                .Must(a => MemberRules.IsEligible(a.Select(x => x.Credits)))
                .WithMessage(_ => Texts.Get("members.alumniHaveEarnedAtLeast"));
            RuleForEach(r => r.Affiliations).SetValidator(new MemberRules.AffiliationValidator(time));
            RuleFor(r => r.ConfirmsCredits).Equal(true)
                .WithMessage(_ => Texts.Get("members.confirmThatYouHaveEarned"));
            RuleFor(r => r.CampaignToken).MaximumLength(64);
        }
    }

    private sealed record CampaignLink
    {
        public Guid Id { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }
    }

    private sealed record ExistingMember
    {
        public Guid Id { get; init; }
        public string Status { get; init; } = "";
        public int Version { get; init; }
    }
}
