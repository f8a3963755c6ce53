using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Members;

/// <summary>
/// Public sign-up to the alumni network. Creates a pending member (verified by signing in with the e-mailed code,
/// which the client asks for next); an address that is already a member creates nothing, and the answer is the
/// same either way. Nothing is sent on a channel without its consent.
/// </summary>
[Access(Caller.Anonymous)]
public sealed class SignUp(Database db, TimeProvider time) : Endpoint<SignUpRequest, SignUpResponse>
{
    private static readonly Sql Exists = Sql.Portable("""
        SELECT COUNT(*) FROM members WHERE email = @Email
        """);

    [Unscoped("finds a public invitation link by its token")]
    private static readonly Sql CampaignByToken = Sql.Portable("""
        SELECT id FROM recruitment_campaigns WHERE token = @Token
        """);

    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO members (id, email, first_name, last_name, preferred_language, status, source, campaign_id, credits_confirmed,
                             directory_listed, search_text, created_at, updated_at, version)
        VALUES (@Id, @Email, @FirstName, @LastName, @PreferredLanguage, 'Pending', 'SignUp', @CampaignId, 1,
                @DirectoryListed, @SearchText, @Now, @Now, 1)
        """);

    public override void Configure()
    {
        Post("/members/sign-up");
        Options(b => b.RequireRateLimiting(MembersModule.SignUpLimit));
        Description(b => b
            .WithName("members_signUp")
            .WithSummary("Sign up to the alumni network")
            .WithDescription("Anyone who has earned at least 1 hp at the university. Then verify the address: identity_requestCode and identity_signIn.")
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
            campaign = await session.ExecuteScalarAsync<Guid?>(CampaignByToken, new { Token = req.CampaignToken.Trim() }, ct);
            if (campaign is null)
            {
                AddError(r => r.CampaignToken!, Texts.Get("members.thisInvitationLinkIsNot"));
            }
        }

        ThrowIfAnyErrors();
        if (await session.ExecuteScalarAsync<long>(Exists, new { Email = email }, ct) == 0)
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
                DirectoryListed = req.Consents.Contains(ConsentChannel.Directory),
                SearchText = MemberSql.SearchText(req.FirstName, req.LastName, email, [], null),
                Now = now,
            }, ct);
            await session.ExecuteAsync(MemberSql.IndexNewMember, new { Id = id }, ct);
            foreach (var affiliation in req.Affiliations)
            {
                await MemberSql.AddAffiliationAsync(session, id, departments[affiliation.DepartmentCode.Trim().ToUpperInvariant()], affiliation, verified: false, now, ct);
            }

            await MemberSql.SetConsentsAsync(session, id, Enum.GetValues<ConsentChannel>().Select(c => (c, req.Consents.Contains(c))),
                ConsentMethod.SignUpForm, now, ct);
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
}
