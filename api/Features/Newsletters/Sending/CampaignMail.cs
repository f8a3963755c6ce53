namespace Alumni.Api.Features.Newsletters.Sending;

/// <summary>
/// Makes a campaign's mail: compiled once when a batch starts (Markdown, sanitising, the layout and inlined CSS per
/// language), then filled in per recipient (personal fields, links). The sender adds the envelope and the list headers.
/// </summary>
public interface ICampaignMailFactory
{
    /// <summary>
    /// The campaign's content, compiled; a <see cref="Infrastructure.Http.ProblemException"/> with field errors when it
    /// cannot be sent (an unknown personal field, a syntax error, neither language written).
    /// </summary>
    Task<ICampaignMail> PrepareAsync(Guid campaignId, CancellationToken ct);
}

/// <summary>A campaign's compiled content. The sender renders a window's mails in parallel: <see cref="Render"/> is called from several threads at once.</summary>
public interface ICampaignMail
{
    /// <summary>The mail to one recipient in their language (or the other one when theirs is not written).</summary>
    RenderedMail Render(MailRecipient recipient);
}

/// <summary>One recipient as the mail is filled in for them: only these fields can appear in a mail.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="Email">The address it goes to.</param>
/// <param name="Language">Their language, <c>sv</c> or <c>en</c>.</param>
/// <param name="FirstName">First name, if known.</param>
/// <param name="LastName">Last name, if known.</param>
/// <param name="PreferencesUrl">Their preference page (the visible unsubscribe link in the mail).</param>
public sealed record MailRecipient(Guid MemberId, string Email, string Language, string? FirstName, string? LastName, string PreferencesUrl);

/// <summary>A mail ready to send.</summary>
/// <param name="Subject">The subject line.</param>
/// <param name="Html">The HTML body, CSS inlined, with the layout and the visible unsubscribe link.</param>
/// <param name="Text">The plain-text body, with the same links.</param>
public sealed record RenderedMail(string Subject, string Html, string Text);
