namespace Alumni.Api.Features.Members.Recruitment;

/// <summary>The rules a campaign's texts follow, at its creation and when it is changed.</summary>
internal static class RecruitmentRules
{
    /// <summary>Where the link is spread: 1–100 characters once trimmed, no markup.</summary>
    public static bool IsChannel(string? channel) => IsShortText(channel, 100);

    /// <summary>The label for staff: 1–200 characters once trimmed, no markup.</summary>
    public static bool IsLabel(string? label) => IsShortText(label, 200);

    private static bool IsShortText(string? text, int max) =>
        !string.IsNullOrWhiteSpace(text) && text.Trim().Length <= max && text.IndexOfAny(['<', '>']) < 0;
}
