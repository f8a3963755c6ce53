using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Newsletters.Welcome;

/// <summary>The office edits a welcome step: its texts, its delay and whether it is on, guarded by its version (If-Match).</summary>
[Access(Caller.Admin, Scope = ApiScopes.NewslettersWrite)]
public sealed class UpdateWelcomeStep(Database db, IWelcomeMailRenderer renderer, TimeProvider time) : Endpoint<UpdateWelcomeStepRequest, WelcomeStepResponse>
{
    private static readonly Sql Update = Sql.Portable("""
        UPDATE newsletter_welcome_steps
        SET subject_sv = @SubjectSv, subject_en = @SubjectEn, body_sv = @BodySv, body_en = @BodyEn,
            delay_days = @DelayDays, active = @Active, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """);

    public override void Configure()
    {
        Put("/newsletters/welcome/steps/{id}");
        Description(b => b
            .WithName("newsletters_updateWelcomeStep")
            .WithSummary("Update a welcome step")
            .WithDescription("Changes a step's subject and body in Swedish and English (Markdown with the personal fields member.first_name, "
                + "member.last_name, member.full_name and preferences_url; an unknown field or a Liquid syntax error is a 400 naming the text), "
                + "its delay (0–365 days after verification) and whether it is on. A language is written when it has both a subject and a body; "
                + "at least one must be, and a member gets the other when theirs is not. Members already in the series keep the delay they were "
                + "planned with. Send the ETag you read in If-Match: a stale one gets 412, none gets 428.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateWelcomeStepRequest req, CancellationToken ct)
    {
        var texts = new WelcomeTexts(TextRules.Clean(req.SubjectSv), TextRules.Clean(req.SubjectEn), TextRules.Clean(req.BodySv), TextRules.Clean(req.BodyEn));
        renderer.Validate(texts);

        await using var session = await db.BeginAsync(ct);
        var current = await WelcomeSql.StepAsync(session, req.Id, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        Preconditions.Changed(await session.ExecuteAsync(Update, new
        {
            req.Id, Version = version, texts.SubjectSv, texts.SubjectEn, texts.BodySv, texts.BodyEn, req.DelayDays, req.Active, Now = time.GetUtcNow(),
        }, ct));

        var step = await WelcomeSql.StepAsync(session, req.Id, ct);
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, step.Version);
        await Send.OkAsync(step, ct);
    }

    public sealed class Validator : Validator<UpdateWelcomeStepRequest>
    {
        public Validator()
        {
            RuleFor(r => r.DelayDays).InclusiveBetween(0, WelcomeSql.MaxDelayDays)
                .WithMessage(_ => Texts.Get("newsletters.welcomeDelayDays", WelcomeSql.MaxDelayDays));
            RuleFor(r => r.SubjectSv).IsOptionalText(WelcomeSql.SubjectMaxLength);
            RuleFor(r => r.SubjectEn).IsOptionalText(WelcomeSql.SubjectMaxLength);
            RuleFor(r => r.BodySv).Must(t => t is null || t.Length <= WelcomeSql.BodyMaxLength)
                .WithMessage(_ => Texts.Get("common.useAtMostCharacters", WelcomeSql.BodyMaxLength));
            RuleFor(r => r.BodyEn).Must(t => t is null || t.Length <= WelcomeSql.BodyMaxLength)
                .WithMessage(_ => Texts.Get("common.useAtMostCharacters", WelcomeSql.BodyMaxLength));
            RuleFor(r => r.BodySv).Must((r, body) => Blank(r.SubjectSv) == Blank(body))
                .WithMessage(_ => Texts.Get("newsletters.welcomeSubjectAndBody"));
            RuleFor(r => r.BodyEn).Must((r, body) => Blank(r.SubjectEn) == Blank(body))
                .WithMessage(_ => Texts.Get("newsletters.welcomeSubjectAndBody"));
            RuleFor(r => r.SubjectSv).Must((r, _) => !(Blank(r.SubjectSv) && Blank(r.BodySv) && Blank(r.SubjectEn) && Blank(r.BodyEn)))
                .WithMessage(_ => Texts.Get("newsletters.welcomeWriteOneLanguage"));
        }

        private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
    }
}
