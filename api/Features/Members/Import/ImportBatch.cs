using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;

namespace Alumni.Api.Features.Members.Import;

/// <summary>A member as an import batch sees it: read before the batch, or added by it.</summary>
internal sealed record MemberState
{
    public Guid Id { get; init; }
    public string Source { get; init; } = "";
    public string Status { get; init; } = "";
    public string? ExternalId { get; init; }
    public string? PnrHash { get; init; }
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
}

/// <summary>A study (member_affiliations row) as an import batch sees it.</summary>
internal sealed record StudyState
{
    public Guid Id { get; init; }
    public Guid MemberId { get; init; }
    public Guid DepartmentId { get; init; }
    public string DegreeType { get; init; } = "";
    public string? Programme { get; init; }
    public int? StartYear { get; init; }
    public int? EndYear { get; init; }
    public decimal Credits { get; init; }
    public bool Verified { get; init; }
}

/// <summary>What a batch writes: members and studies to add (in their final state) and to change, in the order decided.</summary>
internal sealed class ImportChanges
{
    /// <summary>Unconfirmed sign-ups whose address (or other key) the import's member takes: removed first.</summary>
    public List<Guid> DisplacedSignUps { get; } = [];
    public List<MemberState> NewMembers { get; } = [];
    public List<MemberState> ChangedMembers { get; } = [];
    public List<StudyState> NewStudies { get; } = [];
    public List<StudyState> ChangedStudies { get; } = [];
}

/// <summary>
/// The decisions of one batch, made in memory over the members and studies its rows can touch (read once for the
/// batch): a row matches a member by external id, then personal identity number, then e-mail (never an erased one, and
/// never a sign-up its address's owner has not confirmed: anyone can make one, so the import treats it as no match, and
/// when the import's member takes its address the unconfirmed sign-up is removed, as a newer sign-up replaces it);
/// a new member is added; a member the import made takes the row's names and e-mail, any other member only the ids it
/// lacks (never what a member wrote); the row's study is confirmed (same department and degree, and the same
/// programme or none) or added, verified. The unique keys (external id, personal identity number hash, e-mail) are
/// checked here as the database would, so a row that would break one is rejected alone and the batch writes in bulk.
/// </summary>
internal sealed class ImportBatch
{
    private readonly Dictionary<Guid, MemberState> members = [];
    private readonly Dictionary<Guid, List<StudyState>> studies = [];
    // Case-insensitive, as SQL Server's collation compares external ids and e-mail addresses (SQLite stores them as given).
    private readonly Dictionary<string, Guid> byExternalId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Guid> byPnrHash = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<Guid> added = [];
    private readonly Dictionary<Guid, int> changedAt = [];
    private readonly Dictionary<Guid, int> changedStudyAt = [];
    private readonly HashSet<Guid> addedStudies = [];
    private readonly List<Guid> displaced = [];
    private readonly DateTimeOffset now;

    public ImportBatch(IEnumerable<MemberState> known, IEnumerable<StudyState> knownStudies, DateTimeOffset now)
    {
        this.now = now;
        foreach (var member in known)
        {
            if (members.TryAdd(member.Id, member))
            {
                Own(member);
            }
        }

        foreach (var study in knownStudies)
        {
            StudiesOf(study.MemberId).Add(study);
        }
    }

    /// <summary>Applies one valid row; its outcome, and for a rejected row the reason.</summary>
    public (ImportOutcome Outcome, string? Reason) Apply(ImportJobHandler.ParsedRow row)
    {
        var member = Live(byExternalId, row.ExternalId) ?? Live(byPnrHash, row.PnrHash) ?? Live(byEmail, row.Email);
        if (member is not null && member.ExternalId is not null && !string.Equals(member.ExternalId, row.ExternalId, StringComparison.OrdinalIgnoreCase))
        {
            return (ImportOutcome.Rejected, $"The personal identity number or e-mail belongs to the member with external id {member.ExternalId}.");
        }

        if (member is null)
        {
            var created = new MemberState
            {
                Id = Guid.CreateVersion7(now), Source = nameof(MemberSource.Import), Status = nameof(MemberStatus.Active),
                ExternalId = row.ExternalId, PnrHash = row.PnrHash, Email = row.Email, FirstName = row.FirstName, LastName = row.LastName,
            };
            if (Taken(created))
            {
                return (ImportOutcome.Rejected, TakenReason);
            }

            Displace(created);
            members[created.Id] = created;
            Own(created);
            added.Add(created.Id);
            AddStudy(created.Id, row);
            return (ImportOutcome.Inserted, null);
        }

        var fromImport = member.Source == nameof(MemberSource.Import);
        var next = member with
        {
            ExternalId = member.ExternalId ?? row.ExternalId,
            PnrHash = member.PnrHash ?? row.PnrHash,
            Email = fromImport ? row.Email ?? member.Email : member.Email,
            FirstName = fromImport ? row.FirstName : member.FirstName,
            LastName = fromImport ? row.LastName : member.LastName,
        };
        var changed = next != member;
        if (changed)
        {
            if (Taken(next))
            {
                return (ImportOutcome.Rejected, TakenReason);
            }

            Displace(next);
            Disown(member);
            members[next.Id] = next;
            Own(next);
            if (!added.Contains(next.Id))
            {
                changedAt.TryAdd(next.Id, changedAt.Count);
            }
        }

        changed |= ConfirmStudy(next.Id, row);
        return (changed ? ImportOutcome.Updated : ImportOutcome.Unchanged, null);
    }

    /// <summary>The batch's writes, in their final state: what was added is written once, with every later change in it.</summary>
    public ImportChanges Finish()
    {
        var changes = new ImportChanges();
        changes.DisplacedSignUps.AddRange(displaced);
        changes.NewMembers.AddRange(added.Select(id => members[id]));
        changes.ChangedMembers.AddRange(changedAt.OrderBy(c => c.Value).Select(c => members[c.Key]));
        var allStudies = studies.Values.SelectMany(s => s).ToDictionary(s => s.Id);
        changes.NewStudies.AddRange(allStudies.Values.Where(s => addedStudies.Contains(s.Id)));
        changes.ChangedStudies.AddRange(changedStudyAt.OrderBy(c => c.Value).Select(c => allStudies[c.Key]));
        return changes;
    }

    private static string TakenReason => Texts.Get("members.import.taken");

    private bool ConfirmStudy(Guid memberId, ImportJobHandler.ParsedRow row)
    {
        var degree = row.DegreeType.ToString();
        var candidates = StudiesOf(memberId).Where(s => s.DepartmentId == row.DepartmentId && s.DegreeType == degree).ToList();
        var study = candidates.FirstOrDefault(s => string.Equals(s.Programme, row.Programme, StringComparison.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault(s => s.Programme is null || row.Programme is null);
        if (study is null)
        {
            AddStudy(memberId, row);
            return true;
        }

        var confirmed = study with
        {
            Verified = true,
            Programme = row.Programme ?? study.Programme,
            StartYear = row.StartYear ?? study.StartYear,
            EndYear = row.EndYear ?? study.EndYear,
            Credits = row.Credits,
        };
        if (confirmed == study)
        {
            return false;
        }

        var list = StudiesOf(memberId);
        list[list.IndexOf(study)] = confirmed;
        if (!addedStudies.Contains(study.Id))
        {
            changedStudyAt.TryAdd(study.Id, changedStudyAt.Count);
        }

        return true;
    }

    private void AddStudy(Guid memberId, ImportJobHandler.ParsedRow row)
    {
        var study = new StudyState
        {
            Id = Guid.CreateVersion7(now), MemberId = memberId, DepartmentId = row.DepartmentId, DegreeType = row.DegreeType.ToString(),
            Programme = row.Programme, StartYear = row.StartYear, EndYear = row.EndYear, Credits = row.Credits, Verified = true,
        };
        StudiesOf(memberId).Add(study);
        addedStudies.Add(study.Id);
    }

    private List<StudyState> StudiesOf(Guid memberId) =>
        studies.TryGetValue(memberId, out var list) ? list : studies[memberId] = [];

    /// <summary>A member (not erased, not an unconfirmed sign-up) that holds the key.</summary>
    private MemberState? Live(Dictionary<string, Guid> index, string? key) =>
        key is not null && index.TryGetValue(key, out var id) && members[id] is { Status: not nameof(MemberStatus.Erased) } member
            && !Unconfirmed(member) ? member : null;

    /// <summary>A sign-up whose address's owner has not confirmed it: nobody's data yet.</summary>
    private static bool Unconfirmed(MemberState member) =>
        member is { Status: nameof(MemberStatus.Pending), Source: nameof(MemberSource.SignUp) };

    /// <summary>
    /// Whether another member (erased ones too: their keys stay unique) holds one of the member's keys; an unconfirmed
    /// sign-up does not count, it gives way (<see cref="Displace"/>).
    /// </summary>
    private bool Taken(MemberState member) =>
        TakenBy(byExternalId, member.ExternalId, member.Id) || TakenBy(byPnrHash, member.PnrHash, member.Id) || TakenBy(byEmail, member.Email, member.Id);

    private bool TakenBy(Dictionary<string, Guid> index, string? key, Guid self) =>
        key is not null && index.TryGetValue(key, out var owner) && owner != self && !Unconfirmed(members[owner]);

    /// <summary>Removes the unconfirmed sign-ups holding one of the member's keys, which the member is about to take.</summary>
    private void Displace(MemberState member)
    {
        foreach (var (index, key) in new[] { (byExternalId, member.ExternalId), (byPnrHash, member.PnrHash), (byEmail, member.Email) })
        {
            if (key is not null && index.TryGetValue(key, out var owner) && owner != member.Id && members[owner] is var signUp && Unconfirmed(signUp))
            {
                Disown(signUp);
                members.Remove(owner);
                studies.Remove(owner);
                displaced.Add(owner);
            }
        }
    }

    private void Own(MemberState member)
    {
        Set(byExternalId, member.ExternalId, member.Id);
        Set(byPnrHash, member.PnrHash, member.Id);
        Set(byEmail, member.Email, member.Id);
    }

    private void Disown(MemberState member)
    {
        Remove(byExternalId, member.ExternalId, member.Id);
        Remove(byPnrHash, member.PnrHash, member.Id);
        Remove(byEmail, member.Email, member.Id);
    }

    private static void Set(Dictionary<string, Guid> index, string? key, Guid id)
    {
        if (key is not null)
        {
            index[key] = id;
        }
    }

    private static void Remove(Dictionary<string, Guid> index, string? key, Guid id)
    {
        if (key is not null && index.TryGetValue(key, out var owner) && owner == id)
        {
            index.Remove(key);
        }
    }
}

internal enum ImportOutcome
{
    Inserted,
    Updated,
    Unchanged,
    Rejected,
}
