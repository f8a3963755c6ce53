using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Hosting;

namespace Alumni.Api.Features.Newsletters.Library;

/// <summary>
/// Seeds the library with the office's first ready-made messages when it is empty (idempotent; edits and deletions
/// made since are kept as long as one message is left).
/// </summary>
public sealed class SeedMessages(Database db, TimeProvider time) : IStartupTask
{
    private static readonly Sql Any = Sql.Portable("SELECT COUNT(*) FROM newsletter_messages");

    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO newsletter_messages (id, title, subject_sv, subject_en, preheader_sv, preheader_en, body_sv, body_en, created_by, created_at, updated_at, version)
        VALUES (@Id, @Title, @SubjectSv, @SubjectEn, @PreheaderSv, @PreheaderEn, @BodySv, @BodyEn, NULL, @Now, @Now, 1)
        """);

    /// <summary>The seeded messages: an invitation to the alumni day, a term-start greeting, a call for mentors.</summary>
    internal static readonly IReadOnlyList<Seed> Messages =
    [
        new(
            "Välkommen till alumnidagen",
            "Välkommen till alumnidagen, {{ member.first_name | default: \"alumn\" }}!",
            "Welcome to Alumni Day, {{ member.first_name | default: \"friend\" }}!",
            "Föreläsningar, mingel och gamla studiekamrater – anmäl dig nu.",
            "Talks, mingling and old classmates – register now.",
            """
            Hej {{ member.first_name | default: "alumn" }}!

            Välkommen tillbaka till campus på **{{ event.title }}**, {{ event.starts }} i {{ event.place }}.

            Dagen bjuder på:

            - korta föreläsningar om forskning vid universitetet
            - mingel med studiekamrater, lärare och nya alumner
            - rundvandring på campus för den som vill

            Platserna är begränsade, så anmäl dig gärna redan i dag. Har du frågor om dagen? Svara på det här brevet.

            Varmt välkommen!
            Alumniteamet vid Stockholms universitet
            """,
            """
            Hello {{ member.first_name | default: "friend" }}!

            Welcome back to campus for **{{ event.title }}**, {{ event.starts }} at {{ event.place }}.

            The day offers:

            - short talks on research at the university
            - mingling with classmates, teachers and new alumni
            - a campus tour for those who like

            Seats are limited, so please register today. Questions about the day? Reply to this mail.

            A warm welcome!
            The Alumni Team at Stockholm University
            """,
            ["Alumnidagen", "Inbjudan"]),
        new(
            "Terminsstart",
            "En ny termin börjar – hälsningar från universitetet",
            "A new term begins – greetings from the university",
            "Nyheter från campus och sätt att hålla kontakten.",
            "News from campus and ways to stay in touch.",
            """
            Hej {{ member.first_name | default: "alumn" }},

            I dag börjar en ny termin och tusentals nya studenter tar sina första steg på campus – precis som du en gång gjorde.

            ## Det här händer i höst

            - Öppna föreläsningar varje onsdag, fria för alumner
            - Karriärdagar där du kan möta studenter från ditt ämne
            - Nya nätverksträffar i Stockholm, Göteborg och Malmö

            Vill du dela med dig av din erfarenhet? [Läs om hur du kan engagera dig](https://www.su.se/alumni).

            Vi hörs!
            """,
            """
            Hello {{ member.first_name | default: "there" }},

            Today a new term begins and thousands of new students take their first steps on campus – just as you once did.

            ## What is on this autumn

            - Open lectures every Wednesday, free for alumni
            - Career days where you can meet students of your subject
            - New network meetings in Stockholm, Gothenburg and Malmö

            Would you like to share your experience? [Read how you can get involved](https://www.su.se/alumni).

            Talk soon!
            """,
            ["Terminsstart", "Hälsning"]),
        new(
            "Bli mentor för en student",
            "Vill du bli mentor, {{ member.first_name | default: \"alumn\" }}?",
            "Would you mentor a student, {{ member.first_name | default: \"friend\" }}?",
            "En timme i månaden kan göra stor skillnad.",
            "An hour a month can make a big difference.",
            """
            Hej {{ member.first_name | default: "alumn" }}!

            Många studenter undrar hur livet efter examen ser ut. Som mentor träffar du en student ungefär en timme i månaden under ett läsår och delar med dig av dina erfarenheter från arbetslivet.

            Du väljer själv om ni ses på plats eller på distans. Markera "Mentor" under det du kan erbjuda i din profil, så hör vi av oss.

            Tack för att du vill bidra!
            """,
            """
            Hello {{ member.first_name | default: "friend" }}!

            Many students wonder what life after graduation looks like. As a mentor you meet a student for about an hour a month over an academic year and share what working life has taught you.

            You choose whether you meet in person or online. Tick "Mentor" among what you can offer in your profile and we will be in touch.

            Thank you for wanting to help!
            """,
            ["Mentorskap", "Studenter"]),
    ];

    public int Order => 10;

    public async Task RunAsync(CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        if (await session.ExecuteScalarAsync<long>(Any, null, ct) > 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var (message, i) in Messages.Select((m, i) => (m, i)))
        {
            // A second apart, so that the library (newest change first) lists them in this order.
            var at = now.AddSeconds(-i);
            var id = Guid.CreateVersion7(at);
            await session.ExecuteAsync(Insert, new
            {
                Id = id,
                message.Title,
                message.SubjectSv,
                message.SubjectEn,
                message.PreheaderSv,
                message.PreheaderEn,
                message.BodySv,
                message.BodyEn,
                Now = at,
            }, ct);
            await MessageSql.SetTagsAsync(session, id, message.Tags, ct);
        }

        await session.CommitAsync(ct);
    }

    internal sealed record Seed(string Title, string SubjectSv, string SubjectEn, string PreheaderSv, string PreheaderEn, string BodySv, string BodyEn,
        IReadOnlyList<string> Tags);
}
