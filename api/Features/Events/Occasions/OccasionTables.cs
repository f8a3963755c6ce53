namespace Alumni.Api.Features.Events.Occasions;

/// <summary>The tables of occasions abroad, declared by <see cref="EventsModule"/> with the slice's other tables.</summary>
public static class OccasionTables
{
    /// <summary>The tables the occasions' migration creates for Events.</summary>
    public static readonly string[] Owned = ["occasions"];
}
