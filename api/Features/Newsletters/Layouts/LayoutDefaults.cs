using Alumni.Api.Features.Newsletters.Rendering;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Hosting;

namespace Alumni.Api.Features.Newsletters.Layouts;

/// <summary>The office's layout as first installed: the header, the footer and the postal address of every mail.</summary>
public static class LayoutDefaults
{
    public const string Name = "Stockholms universitet – alumni";

    public const string PostalAddress = "Stockholms universitet, 106 91 Stockholm";

    public const string HeaderSv = "**Stockholms universitet** · Alumninätverket";

    public const string HeaderEn = "**Stockholm University** · Alumni Network";

    public const string FooterSv = "Du får det här brevet som alumn från Stockholms universitet. Frågor? Svara på brevet eller skriv till alumni@su.se.";

    public const string FooterEn = "You receive this as an alumnus or alumna of Stockholm University. Questions? Reply to this mail or write to alumni@su.se.";

    /// <summary>The layout a mail gets when no layout is stored at all.</summary>
    public static readonly MailLayout Layout = new(HeaderSv, HeaderEn, FooterSv, FooterEn, PostalAddress);
}

/// <summary>Seeds the office's default layout when there is no layout yet (idempotent; edits made since are kept).</summary>
public sealed class SeedLayout(Database db, TimeProvider time) : IStartupTask
{
    private static readonly Sql Any = Sql.Portable("SELECT COUNT(*) FROM newsletter_layouts");

    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO newsletter_layouts (id, name, header_sv, header_en, footer_sv, footer_en, postal_address, is_default, created_at, updated_at, version)
        VALUES (@Id, @Name, @HeaderSv, @HeaderEn, @FooterSv, @FooterEn, @PostalAddress, 1, @Now, @Now, 1)
        """);

    public int Order => 10;

    public async Task RunAsync(CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        if (await session.ExecuteScalarAsync<long>(Any, null, ct) > 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await session.ExecuteAsync(Insert, new
        {
            Id = Guid.CreateVersion7(now),
            LayoutDefaults.Name,
            LayoutDefaults.HeaderSv,
            LayoutDefaults.HeaderEn,
            LayoutDefaults.FooterSv,
            LayoutDefaults.FooterEn,
            LayoutDefaults.PostalAddress,
            Now = now,
        }, ct);
        await session.CommitAsync(ct);
    }
}
