using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Network;
using Alumni.Contracts.Problems;
using FluentValidation;

namespace Alumni.Api.Features.Network.Support;

/// <summary>
/// The SQL and rules the support request use cases share: who sees a request (the office all; a coordinator those
/// their departments ask for or take part in), its read with departments, help and history, the departments a request
/// names, and the end of a move (the conditional update lost: 409 or 412).
/// </summary>
internal static class SupportSql
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int NoteMaxLength = 2000;

    /// <summary>The staff who see the request <c>r</c>: admins and keys all; a coordinator when one of their departments asks or takes part.</summary>
    public static readonly string Visible = $"""
        ({StaffScope.Predicate("r.department_id")}
         OR EXISTS (SELECT 1 FROM network_support_request_departments vp WHERE vp.request_id = r.id AND {StaffScope.Predicate("vp.department_id")}))
        """;

    /// <summary>The condition of a move's update on <c>network_support_requests</c>: the state it starts from, the version read, the caller's scope.</summary>
    public static readonly string MoveCondition = $"id = @Id AND status = @From AND version = @Version AND {StaffScope.Predicate("department_id")}";

    /// <summary>The staff who act for the asking department of the request <c>r</c>: its coordinators, and admins.</summary>
    public static readonly string Asking = StaffScope.Predicate("r.department_id");

    public static readonly Sql Get = Sql.Portable($"""
        SELECT r.id AS Id, r.department_id AS DepartmentId, d.code AS DepartmentCode, d.name_sv AS DepartmentNameSv, d.name_en AS DepartmentNameEn,
               r.title AS Title, r.description AS Description, r.starts_on AS StartsOn, r.ends_on AS EndsOn, r.help_note AS HelpNote,
               r.status AS Status, r.decision_reason AS DecisionReason, r.decided_at AS DecidedAt, r.done_at AS DoneAt,
               r.withdrawn_at AS WithdrawnAt, r.event_id AS EventId, r.event_linked_at AS EventLinkedAt,
               r.created_at AS CreatedAt, r.updated_at AS UpdatedAt, r.version AS Version,
               cb.name AS CreatedByName, db.name AS DecidedByName, nb.name AS DoneByName, wb.name AS WithdrawnByName, lb.name AS EventLinkedByName,
               CASE WHEN {Asking} THEN 1 ELSE 0 END AS IsAsking
        FROM network_support_requests r
        JOIN department_directory d ON d.id = r.department_id
        LEFT JOIN caller_names cb ON cb.id = r.created_by
        LEFT JOIN caller_names db ON db.id = r.decided_by
        LEFT JOIN caller_names nb ON nb.id = r.done_by
        LEFT JOIN caller_names wb ON wb.id = r.withdrawn_by
        LEFT JOIN caller_names lb ON lb.id = r.event_linked_by
        WHERE r.id = @Id AND {Visible}
        """);

    [Unscoped("the departments of a request the caller was let see by the read just before, in the same session")]
    public static readonly Sql Departments = Sql.Portable("""
        SELECT d.id AS Id, d.code AS Code, d.name_sv AS NameSv, d.name_en AS NameEn
        FROM network_support_request_departments p
        JOIN department_directory d ON d.id = p.department_id
        WHERE p.request_id = @Id
        ORDER BY d.code
        """);

    public static readonly Sql Help = Sql.Portable("""
        SELECT help FROM network_support_request_help WHERE request_id = @Id ORDER BY help
        """);

    public static readonly Sql DepartmentsByCode = Sql.Portable("""
        SELECT id AS Id, code AS Code FROM department_directory WHERE code IN @Codes
        """);

    public static readonly Sql DepartmentInScope = Sql.Portable($"""
        SELECT COUNT(*) FROM department_directory d WHERE d.id = @Id AND {StaffScope.Predicate("d.id")}
        """);

    [Unscoped("writes the departments of a request whose asking department the caller's scope was checked for in this session")]
    public static readonly Sql DeleteDepartments = Sql.Portable("""
        DELETE FROM network_support_request_departments WHERE request_id = @Id
        """);

    [Unscoped("writes the departments of a request whose asking department the caller's scope was checked for in this session")]
    public static readonly Sql InsertDepartment = Sql.Portable("""
        INSERT INTO network_support_request_departments (request_id, department_id) VALUES (@Id, @DepartmentId)
        """);

    public static readonly Sql DeleteHelp = Sql.Portable("""
        DELETE FROM network_support_request_help WHERE request_id = @Id
        """);

    public static readonly Sql InsertHelp = Sql.Portable("""
        INSERT INTO network_support_request_help (request_id, help) VALUES (@Id, @Help)
        """);

    [Unscoped("reads only the state of a request the caller was let see earlier in this session, after their move lost a race")]
    public static readonly Sql Status = Sql.Portable("""
        SELECT status FROM network_support_requests WHERE id = @Id
        """);

    /// <summary>A request the caller sees, as stored (404 otherwise).</summary>
    public static async Task<SupportRow> RowAsync(DbSession session, Guid id, DepartmentScope scope, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<SupportRow>(Get, new { Id = id, scope.ScopeAll, scope.ScopeUserId }, ct)
        ?? throw ProblemException.NotFound(Texts.Get("network.support.noRequestWithThatId"));

    /// <summary>A request the caller sees that is theirs to move (the asking department's, or any for the office): 404 or 403 otherwise.</summary>
    public static async Task<SupportRow> RowToMoveAsync(DbSession session, Guid id, DepartmentScope scope, SupportMove move, CancellationToken ct)
    {
        var row = await RowAsync(session, id, scope, ct);
        var isOffice = scope.ScopeAll;
        var mine = SupportStateMachine.Actors[move] == SupportStateMachine.Actor.Office ? isOffice : row.IsAsking;
        return mine
            ? row
            : throw new ProblemException(StatusCodes.Status403Forbidden, Texts.Get("network.support.onlyTheAskingDepartment"), ProblemTypes.Forbidden);
    }

    /// <summary>The request with its departments, help, the caller's moves and its history.</summary>
    public static async Task<SupportRequestResponse> ReadAsync(DbSession session, Guid id, DepartmentScope scope, CancellationToken ct)
    {
        var row = await RowAsync(session, id, scope, ct);
        var departments = await session.QueryAsync<SupportRequestDepartment>(Departments, new { Id = id }, ct);
        var help = (await session.QueryAsync<string>(Help, new { Id = id }, ct))
            .Select(h => Enum.Parse<SupportHelp>(h, ignoreCase: true))
            .Order()
            .ToList();
        return new SupportRequestResponse
        {
            Id = row.Id,
            Department = new SupportRequestDepartment { Id = row.DepartmentId, Code = row.DepartmentCode, NameSv = row.DepartmentNameSv, NameEn = row.DepartmentNameEn },
            Title = row.Title,
            Description = row.Description,
            StartsOn = row.StartsOn,
            EndsOn = row.EndsOn,
            Departments = departments,
            Help = help,
            HelpNote = row.HelpNote,
            Status = row.Status,
            DecisionReason = row.DecisionReason,
            DecidedAt = row.DecidedAt,
            DoneAt = row.DoneAt,
            WithdrawnAt = row.WithdrawnAt,
            EventId = row.EventId,
            AllowedMoves = SupportStateMachine.Allowed(row.Status, scope.ScopeAll, row.IsAsking),
            History = History(row),
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
            Version = row.Version,
        };
    }

    /// <summary>Answers the request with its version as the ETag.</summary>
    public static async Task SendAsync(HttpContext context, SupportRequestResponse response, int status, CancellationToken ct)
    {
        Preconditions.SetETag(context, response.Version);
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(response, ct);
    }

    /// <summary>
    /// Makes a move of the state machine on a request the caller sees and may move (404, 403): checks If-Match (412),
    /// that the move is legal from the state (409 from which state to which), runs the move's conditional update
    /// (<c>WHERE status = @From AND version = @Version</c>: of two racing moves one wins, the other gets 409 or 412),
    /// audits it and reads the request back. <paramref name="check"/> runs before the update (a field's 400).
    /// </summary>
    public static async Task<SupportRequestResponse> MoveAsync(
        DbSession session, HttpContext context, Guid id, SupportMove move, Sql update, Dapper.DynamicParameters values,
        IAuditLog audit, string action, DateTimeOffset now, CancellationToken ct, Func<SupportRow, Task>? check = null)
    {
        var scope = DepartmentScope.Of(context.User);
        var current = await RowToMoveAsync(session, id, scope, move, ct);
        var version = Preconditions.Check(context, current.Version);
        var to = SupportStateMachine.Target(current.Status, move);
        if (check is not null)
        {
            await check(current);
        }

        values.Add("Id", id);
        values.Add("From", SupportStateMachine.Db(current.Status));
        values.Add("To", SupportStateMachine.Db(to));
        values.Add("Version", version);
        values.Add("Now", now);
        values.Add("By", context.User.PersonId());
        values.Add("ScopeAll", scope.ScopeAll);
        values.Add("ScopeUserId", scope.ScopeUserId);
        if (await session.ExecuteAsync(update, values, ct) == 0)
        {
            await LostRaceAsync(session, id, current.Status, move, ct);
        }

        await audit.WriteAsync(session, context, new AuditEvent(action, "support-request", id.ToString()), ct);
        return await ReadAsync(session, id, scope, ct);
    }

    /// <summary>
    /// After a move's conditional update changed no row: another move won the race. A 409 when the state is no longer
    /// the one the move starts from, else a 412 (the version moved on).
    /// </summary>
    public static async Task LostRaceAsync(DbSession session, Guid id, SupportRequestStatus from, SupportMove move, CancellationToken ct)
    {
        var status = await session.ExecuteScalarAsync<string>(Status, new { Id = id }, ct);
        if (status is not null && Enum.Parse<SupportRequestStatus>(status, ignoreCase: true) is var now && now != from)
        {
            SupportStateMachine.Target(now, move);
        }

        Preconditions.Changed(0);
    }

    /// <summary>
    /// The departments a request names, by code: the asking one (known, 400 on <c>departmentCode</c>; the caller's, 403
    /// otherwise) and those taking part (at least one, each known: 400 on <c>departments[i]</c>), the asking one added
    /// when left out.
    /// </summary>
    public static async Task<(Guid Asking, IReadOnlyList<Guid> TakingPart)> DepartmentsAsync(
        DbSession session, SupportRequestInput input, DepartmentScope scope, CancellationToken ct)
    {
        var askingCode = Normalise(input.DepartmentCode);
        var codes = input.Departments.Select(Normalise).ToList();
        var all = codes.Append(askingCode).Distinct().ToList();
        var found = (await session.QueryAsync<DepartmentRef>(DepartmentsByCode, new { Codes = all }, ct))
            .ToDictionary(d => d.Code, d => d.Id, StringComparer.Ordinal);
        if (!found.TryGetValue(askingCode, out var asking))
        {
            throw ProblemException.Field("departmentCode", Texts.Get("network.support.noDepartmentHasTheCode", askingCode));
        }

        if (await session.ExecuteScalarAsync<long>(DepartmentInScope, new { Id = asking, scope.ScopeAll, scope.ScopeUserId }, ct) == 0)
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, Texts.Get("network.support.notOneOfYourDepartments"), ProblemTypes.Forbidden);
        }

        var takingPart = new List<Guid> { asking };
        for (var i = 0; i < codes.Count; i++)
        {
            var id = found.TryGetValue(codes[i], out var known)
                ? known
                : throw ProblemException.Field($"departments[{i}]", Texts.Get("network.support.noDepartmentHasTheCode", codes[i]));
            if (!takingPart.Contains(id))
            {
                takingPart.Add(id);
            }
        }

        return (asking, takingPart);
    }

    /// <summary>Writes the departments taking part and the help asked for in place of what the request had.</summary>
    public static async Task WriteChildrenAsync(DbSession session, Guid id, IReadOnlyList<Guid> departments, IReadOnlyList<SupportHelp> help, CancellationToken ct)
    {
        await session.ExecuteAsync(DeleteDepartments, new { Id = id }, ct);
        foreach (var department in departments)
        {
            await session.ExecuteAsync(InsertDepartment, new { Id = id, DepartmentId = department }, ct);
        }

        await session.ExecuteAsync(DeleteHelp, new { Id = id }, ct);
        foreach (var kind in help.Distinct())
        {
            await session.ExecuteAsync(InsertHelp, new { Id = id, Help = SupportStateMachine.Db(kind) }, ct);
        }
    }

    /// <summary>The stored values of a request's own fields, as the insert and the update name them.</summary>
    public static Dapper.DynamicParameters Values(Guid id, Guid department, SupportRequestInput input, DateTimeOffset now)
    {
        var values = new Dapper.DynamicParameters();
        values.Add("Id", id);
        values.Add("DepartmentId", department);
        values.Add("Title", input.Title.Trim());
        values.Add("Description", TextRules.Clean(input.Description));
        values.Add("StartsOn", input.StartsOn);
        values.Add("EndsOn", input.EndsOn);
        values.Add("HelpNote", TextRules.Clean(input.HelpNote));
        values.Add("Now", now);
        return values;
    }

    /// <summary>The checks of a request's fields that need nothing stored.</summary>
    public static void AddSupportRules<T>(this AbstractValidator<T> v) where T : SupportRequestInput
    {
        v.RuleFor(r => r.DepartmentCode).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage(_ => Texts.Get("network.support.chooseTheAskingDepartment"));
        v.RuleFor(r => r.Title).IsName(TitleMaxLength);
        v.RuleFor(r => r.Description).IsOptionalText(DescriptionMaxLength);
        v.RuleFor(r => r.HelpNote).IsOptionalText(NoteMaxLength);
        v.RuleFor(r => r.EndsOn).GreaterThanOrEqualTo(r => r.StartsOn).WithMessage(_ => Texts.Get("network.support.theLastDayCannotBe"));
        v.RuleFor(r => r.Departments).NotEmpty().WithMessage(_ => Texts.Get("network.support.nameAtLeastOneDepartment"));
        v.RuleFor(r => r.Help).NotEmpty().WithMessage(_ => Texts.Get("network.support.chooseAtLeastOneKindOfHelp"));
    }

    private static string Normalise(string code) => code.Trim().ToUpperInvariant();

    private static List<SupportRequestHistoryEntry> History(SupportRow row)
    {
        var history = new List<SupportRequestHistoryEntry> { new() { Move = SupportMove.Submit, At = row.CreatedAt, ByName = row.CreatedByName } };
        if (row.DecidedAt is { } decided)
        {
            history.Add(new()
            {
                Move = row.Status == SupportRequestStatus.Declined ? SupportMove.Decline : SupportMove.Approve,
                At = decided, ByName = row.DecidedByName, Note = row.DecisionReason,
            });
        }

        if (row.EventLinkedAt is { } linked)
        {
            history.Add(new() { Move = SupportMove.LinkEvent, At = linked, ByName = row.EventLinkedByName });
        }

        if (row.DoneAt is { } done)
        {
            history.Add(new() { Move = SupportMove.Done, At = done, ByName = row.DoneByName });
        }

        if (row.WithdrawnAt is { } withdrawn)
        {
            history.Add(new() { Move = SupportMove.Withdraw, At = withdrawn, ByName = row.WithdrawnByName });
        }

        return history.OrderBy(h => h.At).ToList();
    }

    private sealed record DepartmentRef
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
    }
}

/// <summary>A support request as stored, with its asking department and the names of who moved it.</summary>
internal sealed record SupportRow
{
    public Guid Id { get; init; }
    public Guid DepartmentId { get; init; }
    public string DepartmentCode { get; init; } = "";
    public string DepartmentNameSv { get; init; } = "";
    public string DepartmentNameEn { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Description { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateOnly EndsOn { get; init; }
    public string? HelpNote { get; init; }
    public SupportRequestStatus Status { get; init; }
    public string? DecisionReason { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public DateTimeOffset? DoneAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }
    public Guid? EventId { get; init; }
    public DateTimeOffset? EventLinkedAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }
    public string? CreatedByName { get; init; }
    public string? DecidedByName { get; init; }
    public string? DoneByName { get; init; }
    public string? WithdrawnByName { get; init; }
    public string? EventLinkedByName { get; init; }
    public bool IsAsking { get; init; }
}
