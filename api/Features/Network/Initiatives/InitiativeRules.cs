using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Network;
using FluentValidation;

namespace Alumni.Api.Features.Network.Initiatives;

/// <summary>The rules the initiatives' use cases share: stored values and the checks of an initiative's fields.</summary>
internal static class InitiativeRules
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 20_000;
    public const int OfferNoteMaxLength = 2_000;

    /// <summary>The entity type the audit log names.</summary>
    public const string AuditEntity = "network-initiative";

    /// <summary>A kind as stored: <c>initiative</c>, <c>platform</c>, <c>meeting-place</c>.</summary>
    public static string Db(InitiativeKind kind) => kind switch
    {
        InitiativeKind.Platform => "platform",
        InitiativeKind.MeetingPlace => "meeting-place",
        _ => "initiative",
    };

    /// <summary>A status as stored.</summary>
    public static string Db(InitiativeStatus status) => status == InitiativeStatus.Closed ? "closed" : "open";

    /// <summary>The stored kind of <c>i</c> read as the contract's enum name.</summary>
    public const string KindColumn = "CASE i.kind WHEN 'meeting-place' THEN 'MeetingPlace' ELSE i.kind END";

    /// <summary>A department code as stored: trimmed, upper case.</summary>
    public static string NormaliseCode(string code) => code.Trim().ToUpperInvariant();

    /// <summary>The checks of an initiative's fields.</summary>
    public static void AddInitiativeRules<T>(this AbstractValidator<T> v) where T : InitiativeInput
    {
        v.RuleFor(r => r.Kind).IsInEnum().WithMessage(_ => Texts.Get("network.initiatives.chooseAKind"));
        v.RuleFor(r => r.TitleSv).Must((r, _) => HasTitle(r)).WithMessage(_ => Texts.Get("network.initiatives.giveATitle"));
        v.RuleFor(r => r.TitleEn).Must((r, _) => HasTitle(r)).WithMessage(_ => Texts.Get("network.initiatives.giveATitle"));
        v.RuleFor(r => r.TitleSv).IsOptionalText(TitleMaxLength);
        v.RuleFor(r => r.TitleEn).IsOptionalText(TitleMaxLength);
        v.RuleFor(r => r.DescriptionSv).Must(t => t is null || t.Length <= DescriptionMaxLength)
            .WithMessage(_ => Texts.Get("common.useAtMostCharacters", DescriptionMaxLength));
        v.RuleFor(r => r.DescriptionEn).Must(t => t is null || t.Length <= DescriptionMaxLength)
            .WithMessage(_ => Texts.Get("common.useAtMostCharacters", DescriptionMaxLength));
        v.RuleFor(r => r.EndsOn).Must((r, end) => end is null || end >= r.StartsOn)
            .WithMessage(_ => Texts.Get("network.initiatives.endOnOrAfterStart"));
    }

    private static bool HasTitle(InitiativeInput r) => TextRules.Clean(r.TitleSv) is not null || TextRules.Clean(r.TitleEn) is not null;
}
