using System.Text.Json;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Newsletters;
using FluentValidation;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>The rules the campaign use cases share: stored values, the lengths of a campaign's texts, the states it moves between.</summary>
internal static class CampaignRules
{
    public const int NameMaxLength = 200;
    public const int SubjectMaxLength = 200;
    public const int PreheaderMaxLength = 300;
    public const int BodyMaxLength = 100_000;

    /// <summary>The reason a recipient still queued when the campaign was cancelled is skipped.</summary>
    public const string CancelledReason = "cancelled";

    /// <summary>The reason an uncertain recipient the operator chose not to resend is recorded with (as skipped).</summary>
    public const string NotResentReason = "not resent (uncertain)";

    /// <summary>An enum value as stored: <c>draft</c>, <c>invitation</c>.</summary>
    public static string Db<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>True while a campaign may still be changed: a draft, or scheduled.</summary>
    public static bool IsEditable(CampaignStatus status) => status is CampaignStatus.Draft or CampaignStatus.Scheduled;

    /// <summary>The checks of a campaign's fields that need nothing stored.</summary>
    public static void AddCampaignRules<T>(this AbstractValidator<T> v) where T : NewsletterCampaignInput
    {
        v.RuleFor(r => r.Name).IsName(NameMaxLength);
        v.RuleFor(r => r.SubjectSv).IsOptionalText(SubjectMaxLength);
        v.RuleFor(r => r.SubjectEn).IsOptionalText(SubjectMaxLength);
        v.RuleFor(r => r.PreheaderSv).IsOptionalText(PreheaderMaxLength);
        v.RuleFor(r => r.PreheaderEn).IsOptionalText(PreheaderMaxLength);
        v.RuleFor(r => r.BodySv).Must(b => b is null || b.Length <= BodyMaxLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", BodyMaxLength));
        v.RuleFor(r => r.BodyEn).Must(b => b is null || b.Length <= BodyMaxLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", BodyMaxLength));
    }

    /// <summary>The stored values of a campaign's fields, as the insert and the update name them.</summary>
    public static Dapper.DynamicParameters Values(Guid id, NewsletterCampaignInput r, DateTimeOffset now)
    {
        var values = new Dapper.DynamicParameters();
        values.Add("Id", id);
        values.Add("Kind", Db(r.EventId is null ? CampaignKind.Newsletter : CampaignKind.Invitation));
        values.Add("Name", r.Name.Trim());
        values.Add("DepartmentId", r.DepartmentId);
        values.Add("TopicId", r.TopicId);
        values.Add("SegmentId", r.SegmentId);
        values.Add("EventId", r.EventId);
        values.Add("LayoutId", r.LayoutId);
        values.Add("SubjectSv", TextRules.Clean(r.SubjectSv));
        values.Add("SubjectEn", TextRules.Clean(r.SubjectEn));
        values.Add("PreheaderSv", TextRules.Clean(r.PreheaderSv));
        values.Add("PreheaderEn", TextRules.Clean(r.PreheaderEn));
        values.Add("BodySv", TextRules.Clean(r.BodySv));
        values.Add("BodyEn", TextRules.Clean(r.BodyEn));
        values.Add("Now", now);
        return values;
    }
}
