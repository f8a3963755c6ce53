using System.Text.RegularExpressions;
using Alumni.Contracts.Newsletters;
using MimeKit;

namespace Alumni.Api.Features.Newsletters.Bounces;

/// <summary>One recipient a delivery status notification reports as bounced.</summary>
public sealed record DsnBounce(string Email, BounceKind Kind, string? Reason);

/// <summary>
/// Reads a delivery status notification (RFC 3464: <c>multipart/report; report-type=delivery-status</c> with a
/// <c>message/delivery-status</c> part): per recipient, <c>Action: failed</c> with a 5.x.x status is a hard bounce, a
/// 4.x.x status or <c>Action: delayed</c> a soft one; delivered, relayed and expanded recipients are no bounce. The
/// campaign is read from the returned message's headers when they are included (its <c>List-Unsubscribe</c> token).
/// </summary>
public static partial class DsnReport
{
    /// <summary>The bounces a message reports; empty when it is no delivery status notification.</summary>
    public static IReadOnlyList<DsnBounce> Bounces(MimeMessage message)
    {
        var status = message.BodyParts.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (status is null || !IsDeliveryReport(message))
        {
            return [];
        }

        var bounces = new List<DsnBounce>();
        // The first group is about the message; each further one about one recipient.
        foreach (var group in status.StatusGroups.Skip(1))
        {
            var recipient = Address(group["Final-Recipient"]) ?? Address(group["Original-Recipient"]);
            var action = group["Action"]?.Trim().ToLowerInvariant();
            var code = StatusCode().Match(group["Status"] ?? "");
            if (recipient is null || action is null)
            {
                continue;
            }

            BounceKind? kind = action switch
            {
                "failed" when code.Success && code.Groups["class"].Value == "5" => BounceKind.Hard,
                "failed" => BounceKind.Soft,
                "delayed" => BounceKind.Soft,
                _ => null,
            };
            if (kind is { } k)
            {
                var diagnostic = Unfold(group["Diagnostic-Code"]);
                var reason = diagnostic is null ? code.Success ? code.Value : null
                    : Regex.Replace(diagnostic, @"^\s*smtp\s*;\s*", "", RegexOptions.IgnoreCase);
                bounces.Add(new DsnBounce(recipient, k, reason));
            }
        }

        return bounces;
    }

    /// <summary>The header fields of the returned message (<c>text/rfc822-headers</c> or <c>message/rfc822</c>), when included.</summary>
    public static HeaderList? ReturnedHeaders(MimeMessage message) =>
        message.BodyParts.OfType<MessagePart>().Select(p => p.Message?.Headers).FirstOrDefault(h => h is not null);

    /// <summary>The token of the returned message's one-click unsubscribe link (which names its campaign), or null.</summary>
    public static string? UnsubscribeToken(MimeMessage message) =>
        ReturnedHeaders(message)?["List-Unsubscribe"] is { } header && UnsubscribeLink().Match(header) is { Success: true } m
            ? m.Groups["token"].Value
            : null;

    private static bool IsDeliveryReport(MimeMessage message) =>
        message.Body is MultipartReport report
            ? string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase)
            : message.BodyParts.OfType<MessageDeliveryStatus>().Any();

    /// <summary>The address of <c>rfc822; someone@example.org</c>.</summary>
    private static string? Address(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return null;
        }

        var value = field.Contains(';', StringComparison.Ordinal) ? field[(field.IndexOf(';', StringComparison.Ordinal) + 1)..] : field;
        value = value.Trim().Trim('<', '>').Trim();
        return value.Contains('@', StringComparison.Ordinal) ? value.ToLowerInvariant() : null;
    }

    private static string? Unfold(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Regex.Replace(value, @"\s+", " ").Trim();

    [GeneratedRegex(@"\b(?<class>[245])\.\d{1,3}\.\d{1,3}\b")]
    private static partial Regex StatusCode();

    [GeneratedRegex(@"/api/newsletters/unsubscribe/(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex UnsubscribeLink();
}
