using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Newsletters.Welcome;

/// <summary>
/// Seeds the three steps of the welcome series (<c>welcome</c> at once, <c>complete-profile</c> after 7 days,
/// <c>offer-help</c> after 30 days) with their Swedish and English texts. A step whose key is already there is left
/// alone, so the office's edits are kept; the links to the profile are made from <c>Newsletters:PublicBaseUrl</c>.
/// </summary>
public sealed class SeedWelcomeSteps(Database db, TimeProvider time, IOptions<NewsletterOptions> options, ILogger<SeedWelcomeSteps> logger) : IStartupTask
{
    private static readonly Sql Insert = Sql.Dialects(
        """
        INSERT OR IGNORE INTO newsletter_welcome_steps (id, step_key, position, delay_days, skip_rule, subject_sv, subject_en, body_sv, body_en, active, updated_at, version)
        VALUES (@Id, @StepKey, @Position, @DelayDays, @SkipRule, @SubjectSv, @SubjectEn, @BodySv, @BodyEn, 1, @Now, 1)
        """,
        """
        INSERT INTO dbo.newsletter_welcome_steps (id, step_key, position, delay_days, skip_rule, subject_sv, subject_en, body_sv, body_en, active, updated_at, version)
        SELECT @Id, @StepKey, @Position, @DelayDays, @SkipRule, @SubjectSv, @SubjectEn, @BodySv, @BodyEn, 1, @Now, 1
        WHERE NOT EXISTS (SELECT 1 FROM dbo.newsletter_welcome_steps s WITH (UPDLOCK, HOLDLOCK) WHERE s.step_key = @StepKey)
        """);

    public async Task RunAsync(CancellationToken ct)
    {
        var profile = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/me/profile";
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var added = 0;
        foreach (var step in Steps(profile))
        {
            added += await session.ExecuteAsync(Insert, new
            {
                Id = Guid.CreateVersion7(now), step.StepKey, step.Position, step.DelayDays, step.SkipRule,
                step.SubjectSv, step.SubjectEn, step.BodySv, step.BodyEn, Now = now,
            }, ct);
        }

        await session.CommitAsync(ct);
        if (added > 0)
        {
            logger.LogInformation("Seeded {Steps} steps of the welcome series", added);
        }
    }

    /// <summary>The seeded steps, with links to this profile page.</summary>
    public static IReadOnlyList<SeedStep> Steps(string profileUrl) =>
    [
        new("welcome", 1, 0, "none",
            "Välkommen till alumninätverket, {{ member.first_name }}!",
            "Welcome to the alumni network, {{ member.first_name }}!",
            $$$"""
            Hej {{ member.first_name }}!

            Vad roligt att du har gått med i alumninätverket. Här håller du kontakten med universitetet och med andra som har studerat här – var i världen du än befinner dig i dag.

            Som alumn får du

            - nyhetsbrevet om det som händer på universitetet och i nätverket,
            - inbjudningar till föreläsningar, återträffar och andra evenemang,
            - möjlighet att dela med dig av dina erfarenheter till dagens studenter.

            Börja gärna med att titta på din profil, så att vi vet vad du är intresserad av: [din profil]({{{profileUrl}}})

            Varmt välkommen!

            Alumnikontoret
            """,
            $$$"""
            Hi {{ member.first_name }},

            We are delighted that you have joined the alumni network. It is your way to stay in touch with the university and with everyone else who studied here – wherever in the world you are today.

            As an alumnus or alumna you get

            - the newsletter about what is happening at the university and in the network,
            - invitations to lectures, reunions and other events,
            - the chance to share your experience with today's students.

            A good place to start is your profile, so that we know what interests you: [your profile]({{{profileUrl}}})

            A warm welcome!

            The Alumni Office
            """),
        new("complete-profile", 2, 7, "profile-complete",
            "Berätta lite mer om dig, {{ member.first_name }}",
            "Tell us a little more about yourself, {{ member.first_name }}",
            $$$"""
            Hej {{ member.first_name }}!

            Det har gått en vecka sedan du gick med i alumninätverket – tack för att du är med!

            Med några uppgifter till i din profil kan vi skicka dig det som verkligen angår dig: evenemang där du bor, nyheter från din institution och tips inom ditt område.

            - **Land** – så att du får höra om träffar nära dig
            - **Dina studier** – program och år
            - **Arbetsgivare eller titel** – vad du gör i dag
            - **Intressen** – det du vill höra mer om

            Det tar bara ett par minuter: [komplettera din profil]({{{profileUrl}}})

            Vänliga hälsningar
            Alumnikontoret
            """,
            $$$"""
            Hi {{ member.first_name }},

            It has been a week since you joined the alumni network – thank you for being part of it!

            With a few more details in your profile we can send you what really matters to you: events where you live, news from your department and opportunities in your field.

            - **Country** – so that you hear about meet-ups near you
            - **Your studies** – programme and years
            - **Employer or job title** – what you do today
            - **Interests** – what you would like to hear more about

            It only takes a couple of minutes: [complete your profile]({{{profileUrl}}})

            Best wishes,
            The Alumni Office
            """),
        new("offer-help", 3, 30, "offers-help",
            "Vill du hjälpa dagens studenter, {{ member.first_name }}?",
            "Would you like to help today's students, {{ member.first_name }}?",
            $$$"""
            Hej {{ member.first_name }}!

            Nu har du varit med i alumninätverket i en månad. Många alumner säger att det bästa med nätverket är att kunna ge något tillbaka.

            Dagens studenter vill gärna höra hur det är att arbeta med det de läser. Du kan hjälpa till på det sätt som passar dig:

            - som **mentor** för en student,
            - med en **gästföreläsning** om ditt arbete,
            - genom att ta emot ett **studiebesök** på din arbetsplats,
            - i en **paneldiskussion**.

            Du bestämmer själv hur mycket och när. Markera det du kan tänka dig i din profil, så hör institutionen av sig när det finns ett tillfälle: [erbjud din hjälp]({{{profileUrl}}})

            Tack för att du gör skillnad!

            Alumnikontoret
            """,
            $$$"""
            Hi {{ member.first_name }},

            You have been part of the alumni network for a month now. Many alumni tell us that the best thing about it is being able to give something back.

            Today's students are keen to hear what it is like to work with what they study. You can help in whatever way suits you:

            - as a **mentor** to a student,
            - with a **guest lecture** about your work,
            - by hosting a **study visit** at your workplace,
            - on a **panel**.

            You decide how much and when. Tick what you could imagine doing in your profile, and the department will be in touch when there is an opportunity: [offer your help]({{{profileUrl}}})

            Thank you for making a difference!

            The Alumni Office
            """),
    ];

    public sealed record SeedStep(string StepKey, int Position, int DelayDays, string SkipRule, string SubjectSv, string SubjectEn, string BodySv, string BodyEn);
}
