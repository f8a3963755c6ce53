using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Network;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.Toolkit;

/// <summary>The rules of a toolkit item's fields.</summary>
internal static class ToolkitRules
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 1000;
    public const int BodyMaxLength = 50_000;
    public const int ChangeNoteMaxLength = 1000;
    public const int MaxTags = 10;
    public const int TagMaxLength = 50;

    public static void AddItemRules<T>(this Validator<T> validator) where T : ToolkitItemInput
    {
        validator.RuleFor(r => r.Kind).IsInEnum().WithMessage(_ => Texts.Get("common.thisValueIsNotOne"));
        validator.RuleFor(r => r.TitleSv).IsOptionalText(TitleMaxLength);
        validator.RuleFor(r => r.TitleEn).IsOptionalText(TitleMaxLength);
        validator.RuleFor(r => r.SummarySv).Must(t => t is null || t.Trim().Length <= SummaryMaxLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", SummaryMaxLength));
        validator.RuleFor(r => r.SummaryEn).Must(t => t is null || t.Trim().Length <= SummaryMaxLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", SummaryMaxLength));
        validator.RuleFor(r => r.BodySv).Must(t => t is null || t.Length <= BodyMaxLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", BodyMaxLength));
        validator.RuleFor(r => r.BodyEn).Must(t => t is null || t.Length <= BodyMaxLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", BodyMaxLength));
        validator.RuleFor(r => r.Tags).Must(t => t.Count <= MaxTags).WithMessage(_ => Texts.Get("network.toolkit.atMostTags", MaxTags));
        validator.RuleForEach(r => r.Tags).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= TagMaxLength && !TextRules.HasMarkup(t))
            .WithMessage(_ => Texts.Get("network.toolkit.eachTag", TagMaxLength));
        validator.RuleFor(r => r).Custom((r, context) =>
        {
            // At least one language whole: its title and its body. The failure names what the begun language lacks.
            if (!Whole(r.TitleSv, r.BodySv) && !Whole(r.TitleEn, r.BodyEn))
            {
                var english = Blank(r.TitleSv) && Blank(r.BodySv) && !(Blank(r.TitleEn) && Blank(r.BodyEn));
                var (title, body) = english ? (r.TitleEn, "bodyEn") : (r.TitleSv, "bodySv");
                context.AddFailure(Blank(title) ? (english ? "titleEn" : "titleSv") : body, Texts.Get("network.toolkit.oneLanguageWhole"));
            }

            foreach (var (field, text) in new[]
            {
                ("titleSv", r.TitleSv), ("titleEn", r.TitleEn), ("summarySv", r.SummarySv), ("summaryEn", r.SummaryEn), ("bodySv", r.BodySv), ("bodyEn", r.BodyEn),
            })
            {
                foreach (var unknown in ToolkitPlaceholders.Unknown(text))
                {
                    context.AddFailure(field, Texts.Get("network.toolkit.unknownPlaceholder", unknown, string.Join(", ", ToolkitPlaceholders.Known.Select(k => $"{{{{{k}}}}}"))));
                }
            }
        });
    }

    private static bool Whole(string? title, string? body) => !Blank(title) && !Blank(body);

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
