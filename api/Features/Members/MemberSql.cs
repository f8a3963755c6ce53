using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;

namespace Alumni.Api.Features.Members;

/// <summary>
/// Reading and writing one member's record, shared by self-service and staff use cases. These statements work on a
/// member already known to be the caller's own, or already checked against the staff caller's department scope
/// (<see cref="MemberScope"/>), so they carry no scope themselves.
/// </summary>
internal static class MemberSql
{
    /// <summary>
    /// The condition "offers this" over members aliased m, or nothing for no offer. Literal, so that SQL Server's filtered
    /// indexes on the offers apply.
    /// </summary>
    public static string OfferCondition(MemberOffer? offer) => offer switch
    {
        null => "",
        MemberOffer.Mentor => "m.offers_mentor = 1",
        MemberOffer.GuestLecture => "m.offers_guest_lecture = 1",
        MemberOffer.StudyVisitHost => "m.offers_study_visit = 1",
        MemberOffer.Panel => "m.offers_panel = 1",
        _ => throw new ArgumentOutOfRangeException(nameof(offer), offer, null),
    };

    /// <summary>
    /// Puts a newly added member into SQLite's full-text index (migration 0005 says why an insert trigger does not);
    /// run it right after the INSERT, in the same transaction. SQL Server searches the column itself.
    /// </summary>
    public static readonly Sql IndexNewMember = Sql.SqliteOnly("""
        INSERT INTO members_search (rowid, search_text) SELECT rowid, search_text FROM members WHERE id = @Id
        """);

    private const string Own = "one member already checked: the caller's own record, or in the staff caller's scope";

    [Unscoped(Own)]
    private static readonly Sql Member = Sql.Portable("""
        SELECT id AS Id, email AS Email, first_name AS FirstName, last_name AS LastName, preferred_language AS PreferredLanguage,
               country AS Country, city AS City, employer AS Employer, job_title AS JobTitle, industry AS Industry,
               linkedin_url AS LinkedInUrl, bio AS Bio, offers_mentor AS OffersMentor, offers_guest_lecture AS OffersGuestLecture,
               offers_study_visit AS OffersStudyVisit, offers_panel AS OffersPanel, directory_listed AS DirectoryListed,
               directory_fields AS DirectoryFields, status AS Status, source AS Source, created_at AS CreatedAt,
               verified_at AS VerifiedAt, updated_at AS UpdatedAt, version AS Version
        FROM members
        WHERE id = @Id
        """);

    private static readonly Sql OtherEmails = Sql.Portable("""
        SELECT email FROM member_emails WHERE member_id = @Id ORDER BY email
        """);

    private static readonly Sql Interests = Sql.Portable("""
        SELECT tag FROM member_interests WHERE member_id = @Id ORDER BY tag
        """);

    [Unscoped(Own)]
    private static readonly Sql Affiliations = Sql.Portable("""
        SELECT a.id AS Id, d.code AS DepartmentCode, a.programme AS Programme, a.degree_type AS DegreeType,
               a.start_year AS StartYear, a.end_year AS EndYear, a.credits AS Credits, a.verified AS Verified
        FROM member_affiliations a
        JOIN department_directory d ON d.id = a.department_id
        WHERE a.member_id = @Id
        ORDER BY a.end_year DESC, d.code
        """);

    /// <summary>
    /// Each answered channel and its state: given; withdrawn (given once, then taken back); or not given (answered no,
    /// never given, as a sign-up leaves the channels it did not tick).
    /// </summary>
    private static readonly Sql Consents = Sql.Portable("""
        SELECT c.channel AS Channel, c.granted AS Granted, c.changed_at AS ChangedAt,
               CASE WHEN c.granted = 1 THEN 'Given'
                    WHEN EXISTS (SELECT 1 FROM member_consent_history h
                                 WHERE h.member_id = c.member_id AND h.channel = c.channel AND h.granted = 1) THEN 'Withdrawn'
                    ELSE 'NotGiven' END AS State
        FROM member_consents c
        WHERE c.member_id = @Id
        ORDER BY c.channel
        """);

    private static readonly Sql UpdateProfile = Sql.Portable("""
        UPDATE members
        SET first_name = @FirstName, last_name = @LastName, preferred_language = @PreferredLanguage, country = @Country,
            city = @City, employer = @Employer, job_title = @JobTitle, industry = @Industry, linkedin_url = @LinkedInUrl,
            bio = @Bio, offers_mentor = @OffersMentor, offers_guest_lecture = @OffersGuestLecture,
            offers_study_visit = @OffersStudyVisit, offers_panel = @OffersPanel, directory_listed = @DirectoryListed,
            directory_fields = @DirectoryFields, search_text = @SearchText, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND status <> 'Erased'
        """);

    private static readonly Sql DeleteOtherEmails = Sql.Portable("DELETE FROM member_emails WHERE member_id = @Id");

    private static readonly Sql InsertOtherEmail = Sql.Portable("INSERT INTO member_emails (member_id, email) VALUES (@Id, @Email)");

    private static readonly Sql DeleteInterests = Sql.Portable("DELETE FROM member_interests WHERE member_id = @Id");

    private static readonly Sql InsertInterest = Sql.Portable("INSERT INTO member_interests (member_id, tag, tag_key) VALUES (@Id, @Tag, @TagKey)");

    private static readonly Sql CurrentConsent = Sql.Portable("""
        SELECT granted FROM member_consents WHERE member_id = @Id AND channel = @Channel
        """);

    private static readonly Sql UpdateConsent = Sql.Portable("""
        UPDATE member_consents SET granted = @Granted, changed_at = @Now WHERE member_id = @Id AND channel = @Channel
        """);

    private static readonly Sql InsertConsent = Sql.Portable("""
        INSERT INTO member_consents (member_id, channel, granted, changed_at) VALUES (@Id, @Channel, @Granted, @Now)
        """);

    private static readonly Sql InsertConsentHistory = Sql.Portable("""
        INSERT INTO member_consent_history (id, member_id, channel, granted, method, changed_at)
        VALUES (@HistoryId, @Id, @Channel, @Granted, @Method, @Now)
        """);

    [Unscoped("adds a study to one member already checked (the caller's own record, or a new sign-up)")]
    private static readonly Sql InsertAffiliation = Sql.Portable("""
        INSERT INTO member_affiliations (id, member_id, department_id, programme, degree_type, start_year, end_year, credits, verified, created_at)
        VALUES (@AffiliationId, @Id, @DepartmentId, @Programme, @DegreeType, @StartYear, @EndYear, @Credits, @Verified, @Now)
        """);

    private static readonly Sql DepartmentByCode = Sql.Portable("""
        SELECT id FROM department_directory WHERE code = @Code AND is_active = 1
        """);

    /// <summary>The whole record of a member, or null.</summary>
    public static async Task<MemberResponse?> LoadAsync(DbSession session, Guid id, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<MemberRow>(Member, new { Id = id }, ct);
        if (row is null)
        {
            return null;
        }

        var affiliations = await session.QueryAsync<AffiliationResponse>(Affiliations, new { Id = id }, ct);
        return new MemberResponse
        {
            Id = row.Id,
            Email = row.Email ?? "",
            FirstName = row.FirstName ?? "",
            LastName = row.LastName ?? "",
            PreferredLanguage = row.PreferredLanguage,
            OtherEmails = await session.QueryAsync<string>(OtherEmails, new { Id = id }, ct),
            Country = row.Country,
            City = row.City,
            Employer = row.Employer,
            JobTitle = row.JobTitle,
            Industry = row.Industry,
            LinkedInUrl = row.LinkedInUrl,
            Bio = row.Bio,
            Interests = await session.QueryAsync<string>(Interests, new { Id = id }, ct),
            Offers = Offers(row.OffersMentor, row.OffersGuestLecture, row.OffersStudyVisit, row.OffersPanel),
            DirectoryListed = row.DirectoryListed,
            DirectoryFields = ParseFields(row.DirectoryFields),
            Status = row.Status,
            Source = row.Source,
            Eligible = MemberRules.IsEligible(affiliations.Select(a => a.Credits)),
            Affiliations = affiliations,
            Consents = await session.QueryAsync<ConsentResponse>(Consents, new { Id = id }, ct),
            CreatedAt = row.CreatedAt,
            VerifiedAt = row.VerifiedAt,
            UpdatedAt = row.UpdatedAt,
            Version = row.Version,
        };
    }

    /// <summary>
    /// Writes the profile fields at the expected version, the member's row first: when another writer changed it since
    /// (or erased the member), 412, before anything else is written.
    /// </summary>
    public static async Task SaveProfileAsync(DbSession session, Guid id, string email, ProfileInput profile, int version, DateTimeOffset now, CancellationToken ct)
    {
        var otherEmails = profile.OtherEmails.Select(TextRules.NormaliseEmail).Where(e => e != email).Distinct().ToList();
        var interests = profile.Interests.Select(t => t.Trim()).DistinctBy(InterestKey).ToList();
        var changed = await session.ExecuteAsync(UpdateProfile, new
        {
            Id = id,
            Version = version,
            FirstName = profile.FirstName.Trim(),
            LastName = profile.LastName.Trim(),
            profile.PreferredLanguage,
            Country = Countries.Normalise(profile.Country),
            City = TextRules.Clean(profile.City),
            Employer = TextRules.Clean(profile.Employer),
            JobTitle = TextRules.Clean(profile.JobTitle),
            Industry = TextRules.Clean(profile.Industry),
            LinkedInUrl = TextRules.Clean(profile.LinkedInUrl),
            Bio = TextRules.Clean(profile.Bio),
            OffersMentor = profile.Offers.Contains(MemberOffer.Mentor),
            OffersGuestLecture = profile.Offers.Contains(MemberOffer.GuestLecture),
            OffersStudyVisit = profile.Offers.Contains(MemberOffer.StudyVisitHost),
            OffersPanel = profile.Offers.Contains(MemberOffer.Panel),
            profile.DirectoryListed,
            DirectoryFields = string.Join(',', profile.DirectoryFields.Distinct()),
            SearchText = SearchText(profile.FirstName, profile.LastName, email, otherEmails, profile.Employer),
            Now = now,
        }, ct);
        Preconditions.Changed(changed);

        await session.ExecuteAsync(DeleteOtherEmails, new { Id = id }, ct);
        foreach (var other in otherEmails)
        {
            await session.ExecuteAsync(InsertOtherEmail, new { Id = id, Email = other }, ct);
        }

        await session.ExecuteAsync(DeleteInterests, new { Id = id }, ct);
        foreach (var tag in interests)
        {
            await session.ExecuteAsync(InsertInterest, new { Id = id, Tag = tag, TagKey = InterestKey(tag) }, ct);
        }
    }

    /// <summary>Gives or withdraws consents; each real change is kept in the history with how it was made.</summary>
    public static async Task SetConsentsAsync(DbSession session, Guid id, IEnumerable<(ConsentChannel Channel, bool Granted)> changes,
        ConsentMethod method, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var (channel, granted) in changes.DistinctBy(c => c.Channel))
        {
            var args = new { Id = id, Channel = channel.ToString(), Granted = granted, Now = now, Method = method.ToString(), HistoryId = Guid.CreateVersion7(now) };
            var current = await session.ExecuteScalarAsync<bool?>(CurrentConsent, args, ct);
            if (current == granted)
            {
                continue;
            }

            await session.ExecuteAsync(current is null ? InsertConsent : UpdateConsent, args, ct);
            await session.ExecuteAsync(InsertConsentHistory, args, ct);
        }
    }

    /// <summary>
    /// After consents changed: the directory listing follows the directory consent, and giving any consent ends an
    /// unsubscription (<c>@AnyGranted</c>).
    /// </summary>
    public static readonly Sql SyncListing = Sql.Portable("""
        UPDATE members
        SET directory_listed = @Listed,
            status = CASE WHEN status = 'Unsubscribed' AND @AnyGranted = 1 THEN 'Active' ELSE status END,
            updated_at = @Now, version = version + 1
        WHERE id = @Id
        """);

    /// <summary>Unsubscribed from everything (every consent already withdrawn): nothing is sent, no directory listing.</summary>
    public static readonly Sql Unsubscribe = Sql.Portable("""
        UPDATE members SET status = 'Unsubscribed', directory_listed = 0, updated_at = @Now, version = version + 1
        WHERE id = @Id
        """);

    private static readonly Sql GivenConsents = Sql.Portable("""
        SELECT channel FROM member_consents WHERE member_id = @Id AND granted = 1
        """);

    /// <summary>The channels the member's consent is given for now.</summary>
    public static async Task<IReadOnlyList<ConsentChannel>> GivenConsentsAsync(DbSession session, Guid id, CancellationToken ct) =>
        (await session.QueryAsync<string>(GivenConsents, new { Id = id }, ct))
            .Select(c => Enum.TryParse<ConsentChannel>(c, out var channel) ? channel : (ConsentChannel?)null).OfType<ConsentChannel>().ToList();

    /// <summary>The ids of active departments by code (upper-cased); unknown or inactive codes are missing.</summary>
    public static async Task<Dictionary<string, Guid>> DepartmentIdsAsync(DbSession session, IEnumerable<string> codes, CancellationToken ct)
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var code in codes.Select(c => c.Trim().ToUpperInvariant()).Distinct())
        {
            if (await session.ExecuteScalarAsync<Guid?>(DepartmentByCode, new { Code = code }, ct) is { } id)
            {
                ids[code] = id;
            }
        }

        return ids;
    }

    /// <summary>Adds a study (verified only when confirmed by an import).</summary>
    public static Task AddAffiliationAsync(DbSession session, Guid id, Guid departmentId, AffiliationInput input, bool verified, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync(InsertAffiliation, new
        {
            Id = id,
            AffiliationId = Guid.CreateVersion7(now),
            DepartmentId = departmentId,
            Programme = TextRules.Clean(input.Programme),
            DegreeType = input.DegreeType.ToString(),
            input.StartYear,
            input.EndYear,
            input.Credits,
            Verified = verified,
            Now = now,
        }, ct);

    /// <summary>
    /// What an interest is matched and de-duplicated by: its lower-cased form (<c>member_interests.tag_key</c>). The tag
    /// itself keeps the member's spelling ("AI" stays "AI").
    /// </summary>
    public static string InterestKey(string tag) => tag.Trim().ToLowerInvariant();

    /// <summary>The lower-cased text free-text search looks in: names, addresses, employer.</summary>
    public static string SearchText(string first, string last, string email, IEnumerable<string> otherEmails, string? employer) =>
        string.Join(' ', new[] { first, last, email }.Concat(otherEmails).Append(employer ?? "").Select(s => s.Trim())).ToLowerInvariant();

    public static IReadOnlyList<MemberOffer> Offers(bool mentor, bool guestLecture, bool studyVisit, bool panel) =>
        new (bool On, MemberOffer Offer)[] { (mentor, MemberOffer.Mentor), (guestLecture, MemberOffer.GuestLecture), (studyVisit, MemberOffer.StudyVisitHost), (panel, MemberOffer.Panel) }
            .Where(o => o.On).Select(o => o.Offer).ToList();

    public static IReadOnlyList<DirectoryField> ParseFields(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(f => Enum.TryParse<DirectoryField>(f, out var field) ? field : (DirectoryField?)null)
            .OfType<DirectoryField>().ToList();

    private sealed record MemberRow
    {
        public Guid Id { get; init; }
        public string? Email { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public string PreferredLanguage { get; init; } = "sv";
        public string? Country { get; init; }
        public string? City { get; init; }
        public string? Employer { get; init; }
        public string? JobTitle { get; init; }
        public string? Industry { get; init; }
        public string? LinkedInUrl { get; init; }
        public string? Bio { get; init; }
        public bool OffersMentor { get; init; }
        public bool OffersGuestLecture { get; init; }
        public bool OffersStudyVisit { get; init; }
        public bool OffersPanel { get; init; }
        public bool DirectoryListed { get; init; }
        public string DirectoryFields { get; init; } = "";
        public MemberStatus Status { get; init; }
        public MemberSource Source { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? VerifiedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public int Version { get; init; }
    }
}

/// <summary>Whether a member is in a staff caller's department scope: affiliated with one of their departments (and not erased).</summary>
internal static class MemberScope
{
    /// <summary>
    /// The members (aliased m) a staff caller may see: those with a study at one of the caller's departments
    /// (<see cref="Identity.StaffScope"/>). Every staff statement over members carries it.
    /// </summary>
    public static readonly string Condition = $"""
        (@ScopeAll = 1 OR m.id IN (
            SELECT sa.member_id FROM member_affiliations sa
            WHERE sa.department_id IN ({Identity.StaffScope.CallerDepartments})))
        """;

    private static readonly Sql InScope = Sql.Portable($"""
        SELECT COUNT(*) FROM members m
        WHERE m.id = @Id AND m.status <> 'Erased'
          AND {Condition}
        """);

    /// <summary>True when the member exists and the caller may see them.</summary>
    public static async Task<bool> ContainsAsync(DbSession session, Guid id, DepartmentScope scope, CancellationToken ct) =>
        await session.ExecuteScalarAsync<long>(InScope, new { Id = id, scope.ScopeAll, scope.ScopeUserId }, ct) > 0;
}
