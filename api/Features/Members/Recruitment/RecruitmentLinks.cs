namespace Alumni.Api.Features.Members.Recruitment;

/// <summary>
/// The public address of a recruitment campaign's invitation link: <c>&lt;origin&gt;/join/&lt;token&gt;</c>, the web
/// app's sign-up page with the campaign's token (the web's <c>invitationLink</c> makes the same from
/// <c>JOIN_PATH</c>). Other slices that show a campaign's link (the network's toolkit) make it here.
/// </summary>
public static class RecruitmentLinks
{
    /// <summary>The web app's public sign-up page; an invitation link adds <c>/&lt;token&gt;</c>.</summary>
    public const string JoinPath = "/join";

    /// <summary>The invitation link of the campaign with this token, at this origin (scheme, host and port).</summary>
    public static string JoinUrl(string origin, string token) => $"{origin.TrimEnd('/')}{JoinPath}/{Uri.EscapeDataString(token)}";
}
