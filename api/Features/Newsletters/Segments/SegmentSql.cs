using System.Text.Json;
using System.Text.Json.Serialization;
using Alumni.Api.Features.Identity;
using Alumni.Api.Features.Members;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Newsletters;
using Dapper;
using FluentValidation;

namespace Alumni.Api.Features.Newsletters.Segments;

/// <summary>
/// A segment's condition over a member id, to AND into a statement: the SQLite and SQL Server texts (the same today)
/// and their parameters, every name starting with <c>Filter</c> (Members' fragments) or <c>Segment</c>. Add the
/// parameters to the statement's own (<c>args.AddDynamicParams(condition.Parameters)</c>); the lists are expanded by
/// Dapper (<c>IN @FilterTags</c>).
/// </summary>
public sealed record SegmentCondition(string Sqlite, string SqlServer, DynamicParameters Parameters)
{
    /// <summary>The text for a provider.</summary>
    public string For(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? Sqlite : SqlServer;
}

/// <summary>
/// Segments: the condition a filter means (<see cref="Condition(SegmentFilter, string)"/>), built only from what
/// Members and Events publish (<see cref="MemberFilters"/>, the views <c>member_departments</c>, <c>member_contacts</c>
/// and <c>event_attendance</c>); the stored form of a filter; the checks of a segment's department scope; the live count
/// and sample.
/// </summary>
public static class SegmentSql
{
    /// <summary>The most values one list of a filter may hold.</summary>
    public const int MaxValues = 50;

    /// <summary>How many names a preview shows.</summary>
    public const int SampleSize = 10;

    private const string InDepartment = "IN (SELECT sd.member_id FROM member_departments sd WHERE sd.department_id = @SegmentDepartmentId)";

    private const string Attended = "IN (SELECT ea.member_id FROM event_attendance ea WHERE ea.checked_in = 1 AND ea.event_id IN @SegmentAttendedEvents)";

    private const string Registered =
        "IN (SELECT er.member_id FROM event_attendance er WHERE er.status IN ('confirmed', 'waiting') AND er.event_id IN @SegmentRegisteredEvents)";

    /// <summary>The members a preview counts and samples: active, not erased.</summary>
    private const string Counted = "c.status = 'Active' AND c.is_erased = 0";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>
    /// The condition "the member whose id is in <paramref name="memberIdColumn"/> matches the filter" (true for an
    /// empty filter). It does not hold the segment's department nor "active": use
    /// <see cref="Condition(SegmentFilter, Guid?, string)"/> or <see cref="ForSegmentAsync"/> for a saved segment.
    /// </summary>
    public static SegmentCondition Condition(SegmentFilter filter, string memberIdColumn) => Condition(filter, null, memberIdColumn);

    /// <summary>The filter's condition, intersected with the members of the department when one is given (a segment's own).</summary>
    public static SegmentCondition Condition(SegmentFilter filter, Guid? departmentId, string memberIdColumn)
    {
        var f = Normalise(filter);
        var args = new DynamicParameters();
        var parts = new List<string>();
        if (departmentId is { } department)
        {
            parts.Add($"{memberIdColumn} {InDepartment}");
            args.Add("SegmentDepartmentId", department);
        }

        if (f.Departments.Count > 0 || f.Faculty is not null || f.GraduatedFrom is not null || f.GraduatedTo is not null)
        {
            parts.Add($"{memberIdColumn} IN ({MemberFilters.Studies})");
            args.AddDynamicParams(MemberFilters.StudiesArguments(f.Departments, f.Faculty, f.GraduatedFrom, f.GraduatedTo));
        }

        Add(MemberFilters.Country, "FilterCountry", f.Country);
        Add(MemberFilters.City, "FilterCity", MemberFilters.Folded(f.City));
        Add(MemberFilters.Language, "FilterLanguage", f.Language);
        Add(MemberFilters.Industry, "FilterIndustry", MemberFilters.Folded(f.Industry));
        if (f.Offers.Count > 0)
        {
            parts.Add("(" + string.Join(" OR ", f.Offers.Select(o => $"{memberIdColumn} IN ({MemberFilters.Offer(o)})")) + ")");
        }

        if (f.Tags.Count > 0)
        {
            parts.Add($"{memberIdColumn} IN ({MemberFilters.Tags})");
            args.Add("FilterTags", f.Tags.Select(MemberFilters.InterestKey).Distinct().ToList());
        }

        if (f.AttendedEventIds.Count > 0)
        {
            parts.Add($"{memberIdColumn} {Attended}");
            args.Add("SegmentAttendedEvents", IdTexts(f.AttendedEventIds));
        }

        if (f.RegisteredEventIds.Count > 0)
        {
            parts.Add($"{memberIdColumn} {Registered}");
            args.Add("SegmentRegisteredEvents", IdTexts(f.RegisteredEventIds));
        }

        var text = parts.Count == 0 ? "(1 = 1)" : "(" + string.Join("\n  AND ", parts) + ")";
        return new SegmentCondition(text, text, args);

        void Add(string fragment, string name, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{memberIdColumn} IN ({fragment})");
                args.Add(name, value);
            }
        }
    }

    [Unscoped("a segment a caller already chose within their scope (the campaign it belongs to was checked)")]
    private static readonly Sql Stored = Sql.Portable("""
        SELECT department_id AS DepartmentId, filter AS FilterJson FROM newsletter_segments WHERE id = @Id
        """);

    /// <summary>
    /// The condition of a saved segment (its filter, intersected with its department's members), or null when there is
    /// no such segment. For the start of a send, inside its transaction; the caller checked the segment is theirs to use.
    /// </summary>
    public static async Task<SegmentCondition?> ForSegmentAsync(DbSession session, Guid segmentId, string memberIdColumn, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<StoredRow>(Stored, new { Id = segmentId }, ct);
        return row is null ? null : Condition(Parse(row.FilterJson), row.DepartmentId, memberIdColumn);
    }

    /// <summary>The live count of active members a condition matches (<c>member_contacts c</c>).</summary>
    public static Sql Count(SegmentCondition condition) => Sql.Dialects(
        $"SELECT COUNT(*) FROM member_contacts c\nWHERE {Counted}\n  AND {condition.Sqlite}",
        $"SELECT COUNT(*) FROM member_contacts c\nWHERE {Counted}\n  AND {condition.SqlServer}");

    /// <summary>The first <see cref="SampleSize"/> of them by name.</summary>
    public static Sql Sample(SegmentCondition condition) => Sql.Dialects(
        $"""
        SELECT c.member_id AS MemberId, c.first_name AS FirstName, c.last_name AS LastName FROM member_contacts c
        WHERE {Counted}
          AND {condition.Sqlite}
        ORDER BY c.last_name, c.first_name, c.member_id
        LIMIT {SampleSize}
        """,
        $"""
        SELECT TOP ({SampleSize}) c.member_id AS MemberId, c.first_name AS FirstName, c.last_name AS LastName FROM member_contacts c
        WHERE {Counted}
          AND {condition.SqlServer}
        ORDER BY c.last_name, c.first_name, c.member_id
        """);

    /// <summary>The count and sample of a filter within a department (none: all members, the central office's).</summary>
    public static async Task<SegmentPreview> PreviewAsync(DbSession session, SegmentFilter filter, Guid? departmentId, CancellationToken ct)
    {
        var condition = Condition(filter, departmentId, "c.member_id");
        var count = await session.ExecuteScalarAsync<long>(Count(condition), condition.Parameters, ct);
        var sample = await session.QueryAsync<SampleRow>(Sample(condition), condition.Parameters, ct);
        return new SegmentPreview
        {
            Count = (int)count,
            Sample = sample.Select(s => new SegmentSampleMember
            {
                MemberId = s.MemberId,
                Name = string.Join(' ', new[] { s.FirstName, s.LastName }.Select(TextRules.Clean).OfType<string>()),
            }).ToList(),
        };
    }

    /// <summary>A filter as stored and answered: codes upper-cased, text trimmed, lists without repeats.</summary>
    public static SegmentFilter Normalise(SegmentFilter f) => new()
    {
        Departments = f.Departments.Where(c => !string.IsNullOrWhiteSpace(c)).Select(MemberFilters.Code).Distinct().Order(StringComparer.Ordinal).ToList(),
        Faculty = TextRules.Clean(f.Faculty) is { } faculty ? MemberFilters.Code(faculty) : null,
        GraduatedFrom = f.GraduatedFrom,
        GraduatedTo = f.GraduatedTo,
        Country = Countries.Normalise(f.Country),
        City = TextRules.Clean(f.City),
        Language = TextRules.Clean(f.Language)?.ToLowerInvariant(),
        Offers = f.Offers.Distinct().Order().ToList(),
        Industry = TextRules.Clean(f.Industry),
        Tags = f.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).DistinctBy(MemberFilters.InterestKey).ToList(),
        AttendedEventIds = f.AttendedEventIds.Distinct().ToList(),
        RegisteredEventIds = f.RegisteredEventIds.Distinct().ToList(),
    };

    /// <summary>The stored form (<c>newsletter_segments.filter</c>) of a filter.</summary>
    public static string ToJson(SegmentFilter filter) => JsonSerializer.Serialize(Normalise(filter), Json);

    /// <summary>A filter read back from its stored form.</summary>
    public static SegmentFilter Parse(string json) => JsonSerializer.Deserialize<SegmentFilter>(json, Json) ?? new SegmentFilter();

    // Ids as the text SQLite stores; SQL Server converts the text to uniqueidentifier for the comparison.
    private static List<string> IdTexts(IEnumerable<Guid> ids) => ids.Select(i => i.ToString("D")).Distinct().ToList();

    private static readonly Sql DepartmentCodes = Sql.Portable("""
        SELECT d.code AS Code, d.id AS Id FROM department_directory d WHERE d.code IN @Codes
        """);

    private static readonly Sql DepartmentCodesInScope = Sql.Portable($"""
        SELECT d.code FROM department_directory d WHERE d.code IN @Codes AND {StaffScope.Predicate("d.id")}
        """);

    private static readonly Sql Department = Sql.Portable($"""
        SELECT CASE WHEN {StaffScope.Predicate("d.id")} THEN 1 ELSE 0 END FROM department_directory d WHERE d.id = @Id
        """);

    private static readonly Sql Faculty = Sql.Portable("""
        SELECT COUNT(*) FROM department_directory d WHERE d.faculty_code = @Faculty
        """);

    /// <summary>
    /// The checks of a segment's department and its filter's departments against the caller's scope: a coordinator's
    /// segment belongs to one of their departments (400 on <c>departmentId</c> without one, 403 for another's) and names
    /// only their departments in <c>filter.departments</c> (400); an unknown department or faculty is a 400 on its field.
    /// </summary>
    public static async Task CheckAsync(DbSession session, SegmentFilter filter, Guid? departmentId, DepartmentScope scope, CancellationToken ct)
    {
        if (departmentId is { } id)
        {
            var inScope = await session.ExecuteScalarAsync<long?>(Department, new { Id = id, scope.ScopeAll, scope.ScopeUserId }, ct)
                ?? throw ProblemException.Field("departmentId", Texts.Get("newsletters.segmentNoSuchDepartment"));
            if (inScope == 0)
            {
                throw new ProblemException(StatusCodes.Status403Forbidden, Texts.Get("newsletters.segmentNotYourDepartment"), Contracts.Problems.ProblemTypes.Forbidden);
            }
        }
        else if (!scope.ScopeAll)
        {
            throw ProblemException.Field("departmentId", Texts.Get("newsletters.segmentChooseYourDepartment"));
        }

        var f = Normalise(filter);
        if (f.Departments.Count > 0)
        {
            var known = (await session.QueryAsync<DepartmentRow>(DepartmentCodes, new { Codes = f.Departments }, ct)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
            if (f.Departments.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
            {
                throw ProblemException.Field("filter.departments", Texts.Get("newsletters.segmentNoDepartmentWithCode", unknown));
            }

            var mine = (await session.QueryAsync<string>(DepartmentCodesInScope, new { Codes = f.Departments, scope.ScopeAll, scope.ScopeUserId }, ct))
                .ToHashSet(StringComparer.Ordinal);
            if (f.Departments.FirstOrDefault(c => !mine.Contains(c)) is { } other)
            {
                throw ProblemException.Field("filter.departments", Texts.Get("newsletters.segmentDepartmentNotYours", other));
            }
        }

        if (f.Faculty is { } faculty && await session.ExecuteScalarAsync<long>(Faculty, new { Faculty = faculty }, ct) == 0)
        {
            throw ProblemException.Field("filter.faculty", Texts.Get("newsletters.segmentNoFacultyWithCode", faculty));
        }
    }

    /// <summary>The rules of a filter's fields: the member search's, and a bound on every list.</summary>
    public sealed class FilterValidator : AbstractValidator<SegmentFilter>
    {
        public FilterValidator()
        {
            RuleFor(f => f.Departments).Must(l => l.Count <= MaxValues).WithMessage(_ => Texts.Get("newsletters.segmentAtMostValues", MaxValues));
            RuleForEach(f => f.Departments).Must(c => !string.IsNullOrWhiteSpace(c) && c.Trim().Length <= 16)
                .WithMessage(_ => Texts.Get("newsletters.segmentGiveADepartmentCode"));
            RuleFor(f => f.Faculty).IsOptionalText(16);
            this.GraduationYears(f => f.GraduatedFrom, f => f.GraduatedTo);
            RuleFor(f => f.Country).IsCountryFilter();
            RuleFor(f => f.City).IsOptionalText(100);
            RuleFor(f => f.Language).IsLanguageFilter();
            RuleFor(f => f.Offers).Must(l => l.Count <= MaxValues).WithMessage(_ => Texts.Get("newsletters.segmentAtMostValues", MaxValues));
            RuleFor(f => f.Industry).IsOptionalText(100);
            RuleFor(f => f.Tags).Must(l => l.Count <= MaxValues).WithMessage(_ => Texts.Get("newsletters.segmentAtMostValues", MaxValues));
            RuleForEach(f => f.Tags).IsInterestFilter();
            RuleFor(f => f.AttendedEventIds).Must(l => l.Count <= MaxValues).WithMessage(_ => Texts.Get("newsletters.segmentAtMostValues", MaxValues));
            RuleFor(f => f.RegisteredEventIds).Must(l => l.Count <= MaxValues).WithMessage(_ => Texts.Get("newsletters.segmentAtMostValues", MaxValues));
        }
    }

    /// <summary>The rules of a segment's own fields and its filter.</summary>
    public static void AddSegmentRules<T>(this AbstractValidator<T> v) where T : SegmentInput
    {
        v.RuleFor(r => r.Name).IsText(200);
        v.RuleFor(r => r.Description).IsOptionalText(1000);
        v.RuleFor(r => r.Filter).SetValidator(new FilterValidator());
    }

    /// <summary>The columns of a segment (<c>s</c>, its department <c>d</c>) as <see cref="SegmentRow"/>.</summary>
    public const string Columns = """
        SELECT s.id AS Id, s.name AS Name, s.description AS Description, s.department_id AS DepartmentId, d.code AS DepartmentCode,
               s.filter AS FilterJson, s.created_at AS CreatedAt, s.updated_at AS UpdatedAt, s.version AS Version
        """;

    /// <summary>The segments a staff caller may see and use: their departments' (a coordinator), all (an admin or a key).</summary>
    public static readonly string ReadScope = StaffScope.Predicate("s.department_id");

    private static readonly Sql Get = Sql.Portable($"""
        {Columns}
        FROM newsletter_segments s
        LEFT JOIN department_directory d ON d.id = s.department_id
        WHERE s.id = @Id AND {ReadScope}
        """);

    /// <summary>A segment the caller may see; 404 for any other.</summary>
    public static async Task<SegmentResponse> GetAsync(DbSession session, Guid id, DepartmentScope scope, CancellationToken ct) =>
        (await session.QuerySingleOrDefaultAsync<SegmentRow>(Get, new { Id = id, scope.ScopeAll, scope.ScopeUserId }, ct))?.ToResponse()
        ?? throw ProblemException.NotFound(Texts.Get("newsletters.segmentNotFound"));

    /// <summary>A segment row as read.</summary>
    public sealed record SegmentRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? Description { get; init; }
        public Guid? DepartmentId { get; init; }
        public string? DepartmentCode { get; init; }
        public string FilterJson { get; init; } = "{}";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public int Version { get; init; }

        public SegmentResponse ToResponse() => new()
        {
            Id = Id, Name = Name, Description = Description, DepartmentId = DepartmentId, DepartmentCode = DepartmentCode,
            Filter = Parse(FilterJson), CreatedAt = CreatedAt, UpdatedAt = UpdatedAt, Version = Version,
        };
    }

    private sealed record StoredRow
    {
        public Guid? DepartmentId { get; init; }
        public string FilterJson { get; init; } = "{}";
    }

    private sealed record SampleRow
    {
        public Guid MemberId { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
    }

    private sealed record DepartmentRow
    {
        public string Code { get; init; } = "";
        public Guid Id { get; init; }
    }
}
