namespace Alumni.Api.Infrastructure.Email;

/// <summary>
/// One e-mail to one recipient. It is always sent with both bodies (multipart/alternative): <see cref="Text"/> for
/// readers that show plain text, <see cref="Html"/> for the rest.
/// </summary>
/// <param name="To">The recipient's address.</param>
/// <param name="ToName">The recipient's name as shown in the To header, if any.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Html">The HTML body.</param>
public sealed record EmailMessage(string To, string? ToName, string Subject, string Text, string Html);
