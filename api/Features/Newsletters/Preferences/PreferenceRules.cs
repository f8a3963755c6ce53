using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Newsletters;
using FluentValidation;

namespace Alumni.Api.Features.Newsletters.Preferences;

/// <summary>Rules the preference page's use cases share: reading a link's token, and what a change may say.</summary>
internal static class PreferenceRules
{
    /// <summary>The rate-limit policy of the pages reached without signing in (per client address).</summary>
    public const string AnonymousLimit = "newsletters-preferences";

    /// <summary>
    /// What a link's token says; a malformed or forged token is a 404 and a genuine one past its time a 410 (telling
    /// them apart tells a forger nothing: only a token signed with this installation's key can be "expired").
    /// </summary>
    public static async Task<PreferenceToken> ReadAsync(PreferenceLinks links, string token, CancellationToken ct)
    {
        await links.EnsureKeyAsync(ct);
        return links.Check(token, out var expired)
            ?? throw (expired
                ? new ProblemException(StatusCodes.Status410Gone, Texts.Get("newsletters.preferenceLinkExpired"))
                : ProblemException.NotFound(Texts.Get("newsletters.preferenceLinkNotValid")));
    }

    /// <summary>The rules of a change: a language of the two, each topic named once.</summary>
    public static void ForChange<T>(AbstractValidator<T> validator)
        where T : PreferencesChange
    {
        validator.RuleFor(r => r.Language).Must(l => l is null || Texts.Languages.Contains(l))
            .WithMessage(_ => Texts.Get("newsletters.preferenceLanguageSvOrEn"));
        validator.RuleFor(r => r.Topics).Must(t => t.Select(x => x.Id).Distinct().Count() == t.Count)
            .WithMessage(_ => Texts.Get("newsletters.preferenceTopicOnce"));
    }
}
