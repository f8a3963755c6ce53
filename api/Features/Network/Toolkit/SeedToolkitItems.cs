using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Hosting;
using Alumni.Contracts.Network;

namespace Alumni.Api.Features.Network.Toolkit;

/// <summary>
/// Seeds the toolkit with the office's first ready messages when it is empty (idempotent; the office's edits and
/// archiving are kept as long as one item is left): a slide for a programme's last lecture, a LinkedIn post, a
/// graduation-day message and an e-mail signature line, in Swedish and English, with the placeholders.
/// </summary>
public sealed class SeedToolkitItems(Database db, TimeProvider time) : IStartupTask
{
    private static readonly Sql Any = Sql.Portable("SELECT COUNT(*) FROM toolkit_items");

    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO toolkit_items (id, kind, current_version, created_by, created_at, updated_at, version)
        VALUES (@Id, @Kind, 1, NULL, @Now, @Now, 1)
        """);

    /// <summary>The seeded items.</summary>
    internal static readonly IReadOnlyList<Seed> Items =
    [
        new(
            ToolkitItemKind.Message,
            "Bild till programmets sista föreläsning",
            "Slide for the programme's last lecture",
            "En bild och en kort text att visa och säga vid sista föreläsningen: bli alumn innan du går.",
            "A slide and a short text to show and say at the last lecture: become an alumnus before you leave.",
            """
            ## Grattis – snart är du alumn från {{department.name}}!

            Håll kontakten med oss och dina studiekamrater efter examen. Som alumn får du inbjudningar till träffar, föreläsningar och karriärdagar – och du kan själv hjälpa nästa generation studenter.

            **Bli medlem i alumninätverket i dag:** {{department.recruitment_link}}

            ![Skanna QR-koden för att bli medlem]({{department.recruitment_qr}})

            Frågor? Kontakta {{coordinator.name}}, {{coordinator.email}}.

            ---

            *Att säga:* "Innan ni går härifrån i dag – skanna koden på bilden. Det tar en minut, och så missar ni inte våra alumnträffar."
            """,
            """
            ## Congratulations – you will soon be an alumnus of {{department.name}}!

            Stay in touch with us and your classmates after graduation. As an alumnus you are invited to meet-ups, lectures and career days – and you can help the next generation of students.

            **Join the alumni network today:** {{department.recruitment_link}}

            ![Scan the QR code to join]({{department.recruitment_qr}})

            Questions? Contact {{coordinator.name}}, {{coordinator.email}}.

            ---

            *To say:* "Before you leave today, scan the code on the slide. It takes a minute, and you won't miss our alumni meet-ups."
            """,
            ["Sista föreläsningen", "Studenter", "Rekrytering"]),
        new(
            ToolkitItemKind.Message,
            "Inlägg på LinkedIn",
            "LinkedIn post",
            "Ett färdigt inlägg som bjuder in tidigare studenter till institutionens alumninätverk.",
            "A ready post inviting former students to the department's alumni network.",
            """
            Har du studerat vid {{department.name}}? 🎓

            Vi bygger ett alumninätverk för alla som har läst hos oss – för att hålla kontakten, mötas på träffar och föreläsningar och dela erfarenheter med dagens studenter.

            Det är gratis och tar en minut att gå med: {{department.recruitment_link}}

            Dela gärna med dina gamla studiekamrater!

            #alumni #StockholmsUniversitet
            """,
            """
            Did you study at {{department.name}}? 🎓

            We are building an alumni network for everyone who has studied with us – to stay in touch, meet at events and lectures, and share experience with today's students.

            It is free and takes a minute to join: {{department.recruitment_link}}

            Please share with your old classmates!

            #alumni #StockholmUniversity
            """,
            ["LinkedIn", "Sociala medier", "Rekrytering"]),
        new(
            ToolkitItemKind.Message,
            "Hälsning på examensdagen",
            "Graduation-day message",
            "Ett grattis till dem som tar examen, med en inbjudan att bli alumn.",
            "Congratulations to the graduates, with an invitation to become an alumnus.",
            """
            Grattis till examen!

            I dag firar vi er som tar examen från {{department.name}}. Ni har arbetat hårt, och vi är stolta över er.

            Examen är inte slutet på er tid hos oss. Som alumn är ni alltid välkomna tillbaka – på alumnträffar, öppna föreläsningar och som mentorer för nya studenter.

            Bli medlem i alumninätverket: {{department.recruitment_link}}

            Varma hälsningar,
            {{coordinator.name}}
            {{department.name}}
            """,
            """
            Congratulations on your graduation!

            Today we celebrate all of you graduating from {{department.name}}. You have worked hard, and we are proud of you.

            Graduation is not the end of your time with us. As alumni you are always welcome back – at alumni meet-ups, open lectures and as mentors for new students.

            Join the alumni network: {{department.recruitment_link}}

            Warm regards,
            {{coordinator.name}}
            {{department.name}}
            """,
            ["Examen", "Studenter", "Rekrytering"]),
        new(
            ToolkitItemKind.Template,
            "Rad till e-postsignaturen",
            "E-mail signature line",
            "En rad att lägga under din e-postsignatur, så att alla du skriver till kan bli alumner.",
            "A line to put below your e-mail signature, so everyone you write to can become an alumnus.",
            """
            {{coordinator.name}} | Alumnisamordnare, {{department.name}} | {{coordinator.phone}}
            Har du studerat hos oss? Bli medlem i vårt alumninätverk: {{department.recruitment_link}}
            """,
            """
            {{coordinator.name}} | Alumni coordinator, {{department.name}} | {{coordinator.phone}}
            Did you study with us? Join our alumni network: {{department.recruitment_link}}
            """,
            ["E-postsignatur", "Rekrytering"]),
    ];

    /// <inheritdoc />
    public int Order => 30;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        if (await session.ExecuteScalarAsync<long>(Any, null, ct) > 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var (item, i) in Items.Select((item, i) => (item, i)))
        {
            // A second apart, so that the toolkit (latest change first) lists them in this order.
            var at = now.AddSeconds(-i);
            var id = Guid.CreateVersion7(at);
            await session.ExecuteAsync(Insert, new { Id = id, Kind = ToolkitSql.Db(item.Kind), Now = at }, ct);
            var input = new ToolkitItemInput
            {
                Kind = item.Kind,
                TitleSv = item.TitleSv,
                TitleEn = item.TitleEn,
                SummarySv = item.SummarySv,
                SummaryEn = item.SummaryEn,
                BodySv = item.BodySv,
                BodyEn = item.BodyEn,
            };
            await session.ExecuteAsync(ToolkitSql.InsertVersion, ToolkitSql.Version(input, id, 1, null, null, at), ct);
            await ToolkitSql.SetTagsAsync(session, id, item.Tags, ct);
        }

        await session.CommitAsync(ct);
    }

    internal sealed record Seed(ToolkitItemKind Kind, string TitleSv, string TitleEn, string SummarySv, string SummaryEn, string BodySv, string BodyEn,
        IReadOnlyList<string> Tags);
}
