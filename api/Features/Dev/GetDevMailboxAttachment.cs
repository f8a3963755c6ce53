using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Dev;
using FastEndpoints;
using Microsoft.Net.Http.Headers;

namespace Alumni.Api.Features.Dev;

/// <summary>
/// Downloads one file (an attachment or an inline image) of a message in the development mailbox, under its own
/// name and media type. Served only in the Development environment, as the mailbox; everywhere else a 404.
/// </summary>
[Access(Caller.Anonymous)]
public sealed class GetDevMailboxAttachment(DevMailbox mailbox, IWebHostEnvironment environment) : Endpoint<DevMailboxAttachmentRequest>
{
    public override void Configure()
    {
        Get("/dev/mailbox/{id}/attachments/{index}");
        Description(b => b
            .WithName("dev_mailboxAttachment")
            .WithSummary("Download a file of a message in the development mailbox")
            .WithDescription("Development only (404 elsewhere): the file at `index` of the message `id`, as listed by dev_mailbox, as an attachment.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(DevMailboxAttachmentRequest req, CancellationToken ct)
    {
        if (!environment.IsDevelopment())
        {
            throw new ProblemException(StatusCodes.Status404NotFound, "The development mailbox is served only in the Development environment.");
        }

        var file = await mailbox.FileAsync(req.Id, req.Index, ct)
            ?? throw ProblemException.NotFound("The development mailbox has no such message or file.");
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        HttpContext.Response.Headers.ContentDisposition = disposition.ToString();
        HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        await Send.BytesAsync(file.Content, contentType: file.MediaType, cancellation: ct);
    }
}
