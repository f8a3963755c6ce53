using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Hosting;

namespace Alumni.Api.Features.Network.Initiatives;

/// <summary>
/// Seeds the network's first two initiatives at start-up: the alumni day where departments run their own sessions, and
/// the mentorship programme departments take part in. Each has a fixed id and is inserted only when missing, so a
/// restart adds nothing and the office's edits stay.
/// </summary>
public sealed class SeedInitiatives(Database db, TimeProvider time) : IStartupTask
{
    /// <summary>The alumni day's id.</summary>
    public static readonly Guid AlumniDayId = new("0193f0a0-0000-7000-8000-a1a1a1a1a1a1");

    /// <summary>The mentorship programme's id.</summary>
    public static readonly Guid MentorshipId = new("0193f0a0-0000-7000-8000-b2b2b2b2b2b2");

    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO network_initiatives (id, kind, title_sv, title_en, description_sv, description_en, starts_on, ends_on, status,
                                         created_by, created_at, updated_at, version)
        SELECT @Id, @Kind, @TitleSv, @TitleEn, @DescriptionSv, @DescriptionEn, @StartsOn, @EndsOn, 'open', NULL, @Now, @Now, 1
        WHERE NOT EXISTS (SELECT 1 FROM network_initiatives WHERE id = @Id)
        """);

    /// <inheritdoc />
    public int Order => 30;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var session = await db.BeginAsync(ct);
        foreach (var seed in Seeds(today))
        {
            await session.ExecuteAsync(Insert, new
            {
                seed.Id, seed.Kind, seed.TitleSv, seed.TitleEn, seed.DescriptionSv, seed.DescriptionEn, seed.StartsOn, seed.EndsOn, Now = now,
            }, ct);
        }

        await session.CommitAsync(ct);
    }

    /// <summary>The seeded initiatives, dated from today: the next alumni day in October, the next academic year's mentorship.</summary>
    internal static IReadOnlyList<Seed> Seeds(DateOnly today)
    {
        var alumniDay = NextSaturdayOnOrAfter(new DateOnly(today.Year, 10, 1) is var d && d > today ? d : new DateOnly(today.Year + 1, 10, 1));
        var mentorshipStart = new DateOnly(today.Year, 9, 1) is var m && m > today ? m : new DateOnly(today.Year + 1, 9, 1);
        return
        [
            new(AlumniDayId, "initiative", "Alumnidagen – institutionernas egna programpunkter", "Alumni Day – the departments' own sessions",
                """
                Alumnidagen är universitetets stora återträff. Centrala alumnikontoret står för det gemensamma: öppningen i Aula Magna, en föreläsning, mingel och anmälan för alla. **Institutionerna står för resten**: varje institution som hakar på håller en egen programpunkt för sina alumner – en föreläsning, en rundvandring i de nya labben, ett samtal med lärare och studenter eller en fika med gamla kursare.

                Så här går det till:

                - Haka på och skriv kort vad ni vill erbjuda.
                - Skapa er programpunkt som ett evenemang: välj ”Skapa vår institutions evenemang” när ni hakar på, så får ni ett utkast att fylla i, och publicera det när det är klart.
                - Alumnikontoret samlar alla programpunkter i inbjudan och på webben, och hjälper till med lokaler och fika.

                Frågor? Skriv till alumnikontoret eller ta upp det på nästa nätverksträff.
                """,
                """
                Alumni Day is the university's great reunion. The central alumni office takes care of what is shared: the opening in Aula Magna, a lecture, mingling and registration for everyone. **The departments take care of the rest**: each department that joins runs a session of its own for its alumni – a lecture, a tour of the new labs, a conversation with teachers and students, or coffee with old classmates.

                How it works:

                - Join and note briefly what you would like to offer.
                - Create your session as an event: choose “Create our department's event” when you join and you get a draft to fill in, then publish it when it is ready.
                - The alumni office gathers every session in the invitation and on the web, and helps with rooms and coffee.

                Questions? Write to the alumni office or bring it up at the next network meeting.
                """,
                alumniDay, alumniDay),
            new(MentorshipId, "platform", "Mentorskapsprogrammet", "The mentorship programme",
                """
                I mentorskapsprogrammet möter studenter en alumn från sitt eget ämne ungefär en timme i månaden under ett läsår. Alumnen delar med sig av hur vägen från examen till arbetslivet såg ut; studenten får en kontakt och en samtalspartner utanför universitetet.

                Alumnikontoret sköter matchningen, introduktionsträffen och uppföljningen. Institutioner som hakar på:

                - bjuder in sina alumner att bli mentorer (ett färdigt utskick finns i verktygslådan),
                - tipsar sina studenter om programmet, till exempel på en av de sista föreläsningarna,
                - berättar i anteckningen hur många mentorer de hoppas på och vilka program som är med.
                """,
                """
                In the mentorship programme students meet an alumnus or alumna of their own subject for about an hour a month over an academic year. The mentor shares what the road from graduation to working life looked like; the student gains a contact and someone to talk to outside the university.

                The alumni office handles the matching, the introduction meeting and the follow-up. Departments that join:

                - invite their alumni to become mentors (a ready message is in the toolkit),
                - tell their students about the programme, for instance at one of the last lectures,
                - say in their note how many mentors they hope for and which programmes take part.
                """,
                mentorshipStart, mentorshipStart.AddMonths(9).AddDays(-1)),
        ];
    }

    private static DateOnly NextSaturdayOnOrAfter(DateOnly day) => day.AddDays(((int)DayOfWeek.Saturday - (int)day.DayOfWeek + 7) % 7);

    internal sealed record Seed(Guid Id, string Kind, string TitleSv, string TitleEn, string DescriptionSv, string DescriptionEn, DateOnly StartsOn, DateOnly? EndsOn);
}
