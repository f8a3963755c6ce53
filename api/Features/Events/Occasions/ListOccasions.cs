using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Events.Occasions;

/// <summary>The occasions abroad, soonest first, filtered by country and by the days they cover.</summary>
[Access(Caller.Staff)]
public sealed class ListOccasions(Database db) : Endpoint<ListOccasionsRequest, Paged<OccasionResponse>>
{
    public override void Configure()
    {
        Get("/occasions");
        Description(b => b
            .WithName("events_listOccasions")
            .WithSummary("List occasions abroad")
            .WithDescription("Soonest first. `country` keeps one country; `from` keeps those not ended before that day, `to` those starting on or before it. "
                + "Admins and coordinators. The total is exact up to 1,000."));
    }

    public override async Task HandleAsync(ListOccasionsRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await Send.OkAsync(await Query(req).ReadAsync<OccasionResponse>(session, req, ct), ct);
    }

    /// <summary>The page a request asks for, with only the filters it sets.</summary>
    internal static PagedQuery Query(ListOccasionsRequest req) => new(
        OccasionSql.Columns,
        "occasions o",
        new SqlConditions()
            .Add("o.country = @Country", "Country", Countries.Normalise(req.Country))
            .Add("o.ends_on >= @From", "From", req.From)
            .Add("o.starts_on <= @To", "To", req.To),
        "o.starts_on, o.id");

    public sealed class Validator : Validator<ListOccasionsRequest>
    {
        public Validator()
        {
            this.ValidatePage();
            RuleFor(r => r.Country)
                .Must(c => string.IsNullOrWhiteSpace(c) || Countries.IsKnown(c))
                .WithMessage(_ => Texts.Get("events.chooseAKnownCountry"));
            RuleFor(r => r.To)
                .GreaterThanOrEqualTo(r => r.From)
                .When(r => r.From is not null && r.To is not null)
                .WithMessage(_ => Texts.Get("events.theLastDayCannotBe"));
        }
    }
}
