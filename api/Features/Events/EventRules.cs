using System.Text.Json;
using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using FluentValidation;

namespace Alumni.Api.Features.Events;

/// <summary>The rules every Events use case shares: who may see and change an event, stored values, and the event's own checks.</summary>
internal static class EventRules
{
    /// <summary>
    /// The staff who manage (change, publish, cancel, complete) the event <c>e</c>: admins and keys all; a coordinator
    /// the events their department organises. A central-office event (no organiser) only admins.
    /// </summary>
    public static readonly string ManageScope = StaffScope.Predicate("e.organiser_department_id");

    /// <summary>The staff who see the event <c>e</c>: those who manage it, and the coordinators of a co-hosting department.</summary>
    public static readonly string ReadScope =
        $"({ManageScope} OR EXISTS (SELECT 1 FROM event_cohosts sc WHERE sc.event_id = e.id AND {StaffScope.Predicate("sc.department_id")}))";

    /// <summary>The most guests one registration may bring.</summary>
    public const int MaxGuests = 10;

    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 500;
    public const int DescriptionMaxLength = 20_000;
    public const int PlaceMaxLength = 200;
    public const int AddressMaxLength = 300;
    public const int CityMaxLength = 100;
    public const int UrlMaxLength = 500;
    public const int LabelMaxLength = 300;
    public const int ChoiceMaxLength = 200;
    public const int MaxQuestions = 30;
    public const int MaxChoices = 30;
    public const int MaxDepartments = 50;
    public const int MaxCapacity = 100_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>An enum value as stored (and as the API writes it): <c>yesNo</c>, <c>internationalGathering</c>.</summary>
    public static string Db<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The text in the request's language, else the other one (either may be missing).</summary>
    public static string? Pick(string? english, string? swedish) =>
        Texts.Current == "sv" ? TextRules.Clean(swedish) ?? TextRules.Clean(english) : TextRules.Clean(english) ?? TextRules.Clean(swedish);

    /// <summary>A department code as stored: trimmed, upper case.</summary>
    public static string NormaliseCode(string code) => code.Trim().ToUpperInvariant();

    /// <summary>True for an IANA time zone id the server knows (<c>Europe/Stockholm</c>).</summary>
    public static bool IsTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Contains('/') && id.Trim() == id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>An absolute https address without user information.</summary>
    public static bool IsHttpsUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.UserInfo)
        && uri.Host.Length > 0;

    /// <summary>An event held on site: any of its place is given.</summary>
    public static bool IsOnSite(EventInput r) =>
        TextRules.Clean(r.Venue) is not null || TextRules.Clean(r.Address) is not null || TextRules.Clean(r.City) is not null || TextRules.Clean(r.Country) is not null;

    /// <summary>The stored form of a choice question's choices (a JSON array of <c>{sv, en}</c>); null for the other kinds.</summary>
    public static string? ChoicesJson(EventQuestionInput q) =>
        q.Kind == QuestionKind.Choice
            ? JsonSerializer.Serialize(q.Choices.Select(c => new EventChoice { Sv = TextRules.Clean(c.Sv), En = TextRules.Clean(c.En) }), Json)
            : null;

    /// <summary>The choices read back from their stored form.</summary>
    public static IReadOnlyList<EventChoice> Choices(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<EventChoice>>(json, Json) ?? [];

    /// <summary>The checks of an event's fields that need nothing stored (departments are checked by the handler).</summary>
    public static void AddEventRules<T>(this AbstractValidator<T> v) where T : EventInput
    {
        v.RuleFor(r => r.TitleSv).Must((r, _) => HasTitle(r)).WithMessage(_ => Texts.Get("events.giveATitle"));
        v.RuleFor(r => r.TitleEn).Must((r, _) => HasTitle(r)).WithMessage(_ => Texts.Get("events.giveATitle"));
        v.RuleFor(r => r.TitleSv).IsOptionalText(TitleMaxLength);
        v.RuleFor(r => r.TitleEn).IsOptionalText(TitleMaxLength);
        v.RuleFor(r => r.SummarySv).IsOptionalText(SummaryMaxLength);
        v.RuleFor(r => r.SummaryEn).IsOptionalText(SummaryMaxLength);
        v.RuleFor(r => r.DescriptionSv).Must(t => t is null || t.Length <= DescriptionMaxLength)
            .WithMessage(_ => Texts.Get("common.useAtMostCharacters", DescriptionMaxLength));
        v.RuleFor(r => r.DescriptionEn).Must(t => t is null || t.Length <= DescriptionMaxLength)
            .WithMessage(_ => Texts.Get("common.useAtMostCharacters", DescriptionMaxLength));
        v.RuleFor(r => r.FollowUpSv).Must(t => t is null || t.Length <= DescriptionMaxLength)
            .WithMessage(_ => Texts.Get("common.useAtMostCharacters", DescriptionMaxLength));
        v.RuleFor(r => r.FollowUpEn).Must(t => t is null || t.Length <= DescriptionMaxLength)
            .WithMessage(_ => Texts.Get("common.useAtMostCharacters", DescriptionMaxLength));

        v.RuleFor(r => r.EndsAt).Must((r, end) => end > r.StartsAt).WithMessage(_ => Texts.Get("events.endAfterStart"));
        v.RuleFor(r => r.TimeZone).Must(IsTimeZone).WithMessage(_ => Texts.Get("events.unknownTimeZone"));
        v.RuleFor(r => r.RegistrationClosesAt)
            .Must((r, closes) => closes is null || r.RegistrationOpensAt is null || closes > r.RegistrationOpensAt)
            .WithMessage(_ => Texts.Get("events.closeAfterOpening"))
            .Must((r, closes) => closes is null || closes <= r.EndsAt)
            .WithMessage(_ => Texts.Get("events.closeBeforeTheEnd"));
        v.RuleFor(r => r.RegistrationOpensAt).Must((r, opens) => opens is null || opens < r.EndsAt)
            .WithMessage(_ => Texts.Get("events.openBeforeTheEnd"));

        v.RuleFor(r => r.Venue).IsOptionalText(PlaceMaxLength);
        v.RuleFor(r => r.Address).IsOptionalText(AddressMaxLength);
        v.RuleFor(r => r.City).IsOptionalText(CityMaxLength)
            .Must((r, city) => !IsOnSite(r) || TextRules.Clean(city) is not null).WithMessage(_ => Texts.Get("events.giveTheCity"))
            .Must((r, _) => IsOnSite(r) || TextRules.Clean(r.OnlineUrl) is not null).WithMessage(_ => Texts.Get("events.giveAPlaceOrALink"));
        v.RuleFor(r => r.Country)
            .Must((r, country) => !IsOnSite(r) || TextRules.Clean(country) is not null).WithMessage(_ => Texts.Get("events.giveTheCountry"))
            .Must(country => TextRules.Clean(country) is null || Countries.IsKnown(country)).WithMessage(_ => Texts.Get("events.unknownCountry"));
        v.RuleFor(r => r.OnlineUrl).Must(url => TextRules.Clean(url) is null || (url!.Trim().Length <= UrlMaxLength && IsHttpsUrl(url)))
            .WithMessage(_ => Texts.Get("events.useAnHttpsLink", UrlMaxLength));

        v.RuleFor(r => r.AudienceDepartmentCodes).NotEmpty().When(r => r.Audience == EventAudience.Departments)
            .WithMessage(_ => Texts.Get("events.chooseTheAudienceDepartments"));
        v.RuleFor(r => r.AudienceDepartmentCodes).Must(c => c.Count <= MaxDepartments)
            .WithMessage(_ => Texts.Get("events.atMostDepartments", MaxDepartments));
        v.RuleFor(r => r.CohostDepartmentCodes).Must(c => c.Count <= MaxDepartments)
            .WithMessage(_ => Texts.Get("events.atMostDepartments", MaxDepartments));

        v.RuleFor(r => r.Capacity).InclusiveBetween(1, MaxCapacity).When(r => r.Capacity is not null)
            .WithMessage(_ => Texts.Get("events.capacityFrom1To", MaxCapacity));
        v.RuleFor(r => r.GuestsAllowed).InclusiveBetween(0, MaxGuests).WithMessage(_ => Texts.Get("events.guestsFrom0To", MaxGuests));

        v.RuleFor(r => r.Questions).Must(q => q.Count <= MaxQuestions).WithMessage(_ => Texts.Get("events.atMostQuestions", MaxQuestions));
        v.RuleFor(r => r.Questions).Must(q => q.Where(x => x.Id is not null).GroupBy(x => x.Id).All(g => g.Count() == 1))
            .WithMessage(_ => Texts.Get("events.eachQuestionOnce"));
        v.RuleForEach(r => r.Questions).ChildRules(q =>
        {
            q.RuleFor(x => x.LabelSv).Must((x, _) => TextRules.Clean(x.LabelSv) is not null || TextRules.Clean(x.LabelEn) is not null)
                .WithMessage(_ => Texts.Get("events.giveTheQuestion"));
            q.RuleFor(x => x.LabelSv).IsOptionalText(LabelMaxLength);
            q.RuleFor(x => x.LabelEn).IsOptionalText(LabelMaxLength);
            q.RuleFor(x => x.Choices).Must(c => c.Count >= 2 && c.Count <= MaxChoices).When(x => x.Kind == QuestionKind.Choice)
                .WithMessage(_ => Texts.Get("events.giveAtLeastTwoChoices", MaxChoices));
            q.RuleFor(x => x.Choices).Empty().When(x => x.Kind != QuestionKind.Choice)
                .WithMessage(_ => Texts.Get("events.choicesOnlyForAChoice"));
            q.RuleForEach(x => x.Choices).ChildRules(c =>
            {
                c.RuleFor(x => x.Sv).Must((x, _) => TextRules.Clean(x.Sv) is not null || TextRules.Clean(x.En) is not null)
                    .WithMessage(_ => Texts.Get("events.nameTheChoice"));
                c.RuleFor(x => x.Sv).IsOptionalText(ChoiceMaxLength);
                c.RuleFor(x => x.En).IsOptionalText(ChoiceMaxLength);
            });
        });
    }

    private static bool HasTitle(EventInput r) => TextRules.Clean(r.TitleSv) is not null || TextRules.Clean(r.TitleEn) is not null;
}
