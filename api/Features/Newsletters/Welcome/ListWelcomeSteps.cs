using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Welcome;

/// <summary>The steps of the welcome series in order, with their texts and how many members each has reached.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class ListWelcomeSteps(Database db) : EndpointWithoutRequest<IReadOnlyList<WelcomeStepResponse>>
{
    public override void Configure()
    {
        Get("/newsletters/welcome/steps");
        Description(b => b
            .WithName("newsletters_listWelcomeSteps")
            .WithSummary("List the welcome series' steps")
            .WithDescription("The steps a newly verified member gets (welcome at once, complete your profile, offer to help), in order, "
                + "with their Swedish and English texts, delay, skip rule, whether they are on, and how many members each was sent to, "
                + "skipped for, is waiting for and did not reach. Every step has its ETag in version, for the update."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await Send.OkAsync(await WelcomeSql.StepsAsync(session, null, ct), ct);
    }
}
