using Alumni.Api.Infrastructure.Text;
using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Dev;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Dev;

/// <summary>
/// Lists the mail the API wrote into its mail folder, newest first, so a developer without an SMTP relay can read
/// what was sent. Served only in the Development environment; everywhere else the path is a 404.
/// </summary>
[Access(Caller.Anonymous)]
public sealed class ListDevMailbox(DevMailbox mailbox, IWebHostEnvironment environment) : Endpoint<DevMailboxRequest, IReadOnlyList<DevMailboxMessage>>
{
    /// <summary>The largest <see cref="DevMailboxRequest.Limit"/> accepted.</summary>
    public const int MaxLimit = 200;

    public override void Configure()
    {
        Get("/dev/mailbox");
        // Outside Development the endpoint answers 404 whatever the query, so validation is checked in HandleAsync.
        DontThrowIfValidationFails();
        Description(b => b
            .WithName("dev_mailbox")
            .WithSummary("List the development mailbox")
            .WithDescription("Development only (404 elsewhere): the newest messages the API wrote into its mail folder because no SMTP relay is configured, newest first, each with its header fields (List-Unsubscribe, List-Id, DKIM-Signature, …).")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(DevMailboxRequest req, CancellationToken ct)
    {
        if (!environment.IsDevelopment())
        {
            throw new ProblemException(StatusCodes.Status404NotFound, "The development mailbox is served only in the Development environment.");
        }

        ThrowIfAnyErrors();
        var messages = await mailbox.ListAsync(req.Limit ?? DevMailbox.DefaultLimit, ct);
        await Send.OkAsync(messages.Select(m => new DevMailboxMessage
        {
            Id = m.Id,
            To = m.To,
            Subject = m.Subject,
            SentAt = m.SentAt,
            Text = m.Text,
            Attachments = m.Attachments.Select(a => new DevMailboxAttachment
            {
                Index = a.Index, FileName = a.FileName, MediaType = a.MediaType, Size = a.Size, ContentId = a.ContentId,
            }).ToList(),
            Headers = m.Headers.Select(h => new DevMailboxHeader { Name = h.Name, Value = h.Value }).ToList(),
        }).ToList(), ct);
    }

    public sealed class Validator : Validator<DevMailboxRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Limit)
                .InclusiveBetween(1, MaxLimit)
                .WithMessage(_ => Texts.Get("dev.useALimitFrom1", MaxLimit));
        }
    }
}
