using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Events.Occasions;

/// <summary>The SQL and rules the occasion use cases share.</summary>
internal static class OccasionSql
{
    /// <summary>The columns of <see cref="OccasionResponse"/>, from <c>occasions o</c>.</summary>
    public const string Columns = """
        SELECT o.id AS Id, o.title AS Title, o.purpose AS Purpose, o.city AS City, o.country AS Country,
               o.starts_on AS StartsOn, o.ends_on AS EndsOn, o.created_at AS CreatedAt, o.updated_at AS UpdatedAt,
               o.version AS Version
        """;

    public static readonly Sql ById = Sql.Portable(Columns + """

        FROM occasions o
        WHERE o.id = @Id
        """);

    /// <summary>
    /// Active members living in the country, and in the city (compared lower-cased: SQLite's <c>lower</c> is the
    /// application's Unicode one), each with how many agreed to event invitations. Counts only.
    /// </summary>
    public static readonly Sql Reach = Sql.Portable("""
        SELECT COUNT(*) AS InCountry,
               COALESCE(SUM(CASE WHEN r.consented = 1 THEN 1 ELSE 0 END), 0) AS InCountryConsented,
               COALESCE(SUM(CASE WHEN LOWER(r.city) = @City THEN 1 ELSE 0 END), 0) AS InCity,
               COALESCE(SUM(CASE WHEN LOWER(r.city) = @City AND r.consented = 1 THEN 1 ELSE 0 END), 0) AS InCityConsented
        FROM member_event_reach r
        WHERE r.country = @Country
        """);

    /// <summary>The occasion; 404 when there is none.</summary>
    public static async Task<OccasionResponse> GetAsync(DbSession session, Guid id, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<OccasionResponse>(ById, new { Id = id }, ct)
        ?? throw ProblemException.NotFound(Texts.Get("events.noOccasionWithThatId"));

    /// <summary>The planning figures of an occasion's place.</summary>
    public static async Task<OccasionReach> ReachAsync(DbSession session, OccasionResponse occasion, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<OccasionReach>(Reach, new { occasion.Country, City = occasion.City.Trim().ToLowerInvariant() }, ct) ?? new OccasionReach();

    /// <summary>
    /// The arguments of an insert or update: the fields as stored (trimmed, the country upper-cased, a blank purpose
    /// none), with the id, the version expected and the time.
    /// </summary>
    public static object Arguments(OccasionInput input, Guid id, int version, DateTimeOffset now) => new
    {
        Id = id,
        Version = version,
        Now = now,
        Title = input.Title.Trim(),
        Purpose = TextRules.Clean(input.Purpose),
        City = input.City.Trim(),
        Country = Countries.Normalise(input.Country),
        input.StartsOn,
        input.EndsOn,
    };

    /// <summary>Answers the occasion with its version as the ETag.</summary>
    public static void SetETag(HttpContext context, OccasionResponse occasion) => Preconditions.SetETag(context, occasion.Version);
}

/// <summary>The rules of an occasion's fields, for creating and changing one.</summary>
internal static class OccasionRules
{
    public const int TitleMaxLength = 200;
    public const int CityMaxLength = 100;
    public const int PurposeMaxLength = 2000;

    /// <summary>Title, city, a known country, an optional purpose, and a last day on or after the first.</summary>
    public static void AddOccasionRules<T>(this Validator<T> validator) where T : OccasionInput
    {
        validator.RuleFor(r => r.Title).IsName(TitleMaxLength);
        validator.RuleFor(r => r.City).IsName(CityMaxLength);
        validator.RuleFor(r => r.Country)
            .Must(Countries.IsKnown)
            .WithMessage(_ => Texts.Get("events.chooseAKnownCountry"));
        validator.RuleFor(r => r.Purpose).IsOptionalText(PurposeMaxLength);
        validator.RuleFor(r => r.EndsOn)
            .GreaterThanOrEqualTo(r => r.StartsOn)
            .WithMessage(_ => Texts.Get("events.theLastDayCannotBe"));
    }
}
