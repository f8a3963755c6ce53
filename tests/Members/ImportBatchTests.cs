using Alumni.Api.Features.Members.Import;
using Alumni.Contracts.Members;

namespace Alumni.Api.Tests.Members;

/// <summary>
/// The import's decisions, in memory, as both providers' writers receive them: the unique keys checked as the database
/// would, a batch's own members written once in their final state, and what a member wrote never overwritten.
/// </summary>
public sealed class ImportBatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Dsv = Guid.NewGuid();

    [Fact]
    public void A_member_added_and_changed_in_one_batch_is_written_once_in_its_final_state()
    {
        var batch = new ImportBatch([], [], Now);

        Assert.Equal((ImportOutcome.Inserted, null), batch.Apply(Row("S1", email: "a@example.org")));
        Assert.Equal((ImportOutcome.Updated, null), batch.Apply(Row("S1", email: "b@example.org", degree: DegreeType.Bachelor)));
        Assert.Equal((ImportOutcome.Unchanged, null), batch.Apply(Row("S1", email: "b@example.org", degree: DegreeType.Bachelor)));
        var changes = batch.Finish();

        Assert.Equal("b@example.org", Assert.Single(changes.NewMembers).Email);
        Assert.Empty(changes.ChangedMembers);
        Assert.Equal(["Master", "Bachelor"], changes.NewStudies.Select(s => s.DegreeType).Order(StringComparer.Ordinal).Reverse());
        Assert.Empty(changes.ChangedStudies);
    }

    [Fact]
    public void A_key_held_by_another_member_even_an_erased_one_rejects_the_row_alone()
    {
        var erased = Member("Erased", external: "S9", email: null, status: MemberStatus.Erased);
        var other = Member("SignUp", external: null, email: "taken@example.org");
        var batch = new ImportBatch([erased, other], [], Now);

        var reborn = batch.Apply(Row("S9"));
        var clash = batch.Apply(Row("S2", email: "TAKEN@example.org", pnr: "abc"));
        var fine = batch.Apply(Row("S3", email: "free@example.org"));

        Assert.Equal(ImportOutcome.Rejected, reborn.Outcome);
        Assert.Equal(ImportOutcome.Updated, clash.Outcome); // matched by e-mail: the member gets the external id and the hash
        Assert.Equal(ImportOutcome.Inserted, fine.Outcome);
        var changes = batch.Finish();
        var matched = Assert.Single(changes.ChangedMembers);
        Assert.Equal((other.Id, "S2", "abc", "taken@example.org"), (matched.Id, matched.ExternalId, matched.PnrHash, matched.Email));
        Assert.Equal("S3", Assert.Single(changes.NewMembers).ExternalId);
    }

    [Fact]
    public void A_member_who_signed_up_keeps_their_names_and_address_and_a_second_student_id_is_refused()
    {
        var own = Member("SignUp", external: null, email: "ada@example.org", first: "Ada", last: "Lovelace");
        var batch = new ImportBatch([own], [], Now);

        Assert.Equal(ImportOutcome.Updated, batch.Apply(Row("S1", email: "ada@example.org", first: "ADA", last: "KING")).Outcome);
        var second = batch.Apply(Row("S2", email: "ada@example.org"));

        Assert.Equal(ImportOutcome.Rejected, second.Outcome);
        Assert.Contains("external id S1", second.Reason, StringComparison.Ordinal);
        var changed = Assert.Single(batch.Finish().ChangedMembers);
        Assert.Equal(("Ada", "Lovelace", "ada@example.org", "S1"), (changed.FirstName, changed.LastName, changed.Email, changed.ExternalId));
    }

    [Fact]
    public void An_address_an_imported_member_gives_up_can_go_to_a_new_member_in_the_same_batch()
    {
        var imported = Member("Import", external: "S1", email: "shared@example.org");
        var batch = new ImportBatch([imported], [], Now);

        Assert.Equal(ImportOutcome.Rejected, batch.Apply(Row("S2", email: "shared@example.org")).Outcome);
        Assert.Equal(ImportOutcome.Updated, batch.Apply(Row("S1", email: "new@example.org")).Outcome);
        Assert.Equal(ImportOutcome.Inserted, batch.Apply(Row("S2", email: "shared@example.org")).Outcome);
    }

    [Fact]
    public void A_study_is_confirmed_by_department_degree_and_programme_and_otherwise_added()
    {
        var member = Member("Import", external: "S1", email: null);
        var study = new StudyState
        {
            Id = Guid.NewGuid(), MemberId = member.Id, DepartmentId = Dsv, DegreeType = "Master", Programme = null, StartYear = 2001, EndYear = null,
            Credits = 60m, Verified = false,
        };
        var batch = new ImportBatch([member], [study], Now);

        Assert.Equal(ImportOutcome.Updated, batch.Apply(Row("S1", programme: "Data science")).Outcome);
        Assert.Equal(ImportOutcome.Unchanged, batch.Apply(Row("S1", programme: "Data science")).Outcome);
        Assert.Equal(ImportOutcome.Updated, batch.Apply(Row("S1", programme: "Law", degree: DegreeType.PhD)).Outcome);
        var changes = batch.Finish();

        var confirmed = Assert.Single(changes.ChangedStudies);
        Assert.Equal((study.Id, "Data science", 2001, 2004, 120m, true), (confirmed.Id, confirmed.Programme, confirmed.StartYear, confirmed.EndYear, confirmed.Credits, confirmed.Verified));
        Assert.Equal("PhD", Assert.Single(changes.NewStudies).DegreeType);
    }

    [Fact]
    public void An_unconfirmed_sign_up_is_never_matched_and_gives_its_address_to_the_member_the_row_makes()
    {
        var unconfirmed = Member("SignUp", external: null, email: "claimed@example.org", status: MemberStatus.Pending);
        var confirmed = Member("SignUp", external: "S8", email: "own@example.org");
        var study = new StudyState { Id = Guid.NewGuid(), MemberId = unconfirmed.Id, DepartmentId = Dsv, DegreeType = "Master", Credits = 30m };
        var batch = new ImportBatch([unconfirmed, confirmed], [study], Now);

        var clash = batch.Apply(Row("S8", email: "CLAIMED@example.org"));
        var row = batch.Apply(Row("S1", email: "claimed@example.org", first: "Anna"));
        var again = batch.Apply(Row("S1", email: "claimed@example.org", first: "Anna"));
        var changes = batch.Finish();

        Assert.Equal(ImportOutcome.Updated, clash.Outcome); // a study added; a member's own address is never changed by an import
        Assert.Equal((ImportOutcome.Inserted, ImportOutcome.Unchanged), (row.Outcome, again.Outcome));
        Assert.Equal([unconfirmed.Id], changes.DisplacedSignUps);
        var added = Assert.Single(changes.NewMembers);
        Assert.Equal(("S1", "claimed@example.org", "Anna"), (added.ExternalId, added.Email, added.FirstName));
        Assert.Empty(changes.ChangedMembers);
        Assert.Equal(new[] { confirmed.Id, added.Id }.Order(), changes.NewStudies.Select(s => s.MemberId).Order());
        Assert.Empty(changes.ChangedStudies);
    }

    private static MemberState Member(string source, string? external, string? email, MemberStatus status = MemberStatus.Active, string first = "F", string last = "L") => new()
    {
        Id = Guid.NewGuid(), Source = source, Status = status.ToString(), ExternalId = external, Email = email, FirstName = first, LastName = last,
    };

    private static ImportJobHandler.ParsedRow Row(string external, string? email = null, string? pnr = null, string first = "F", string last = "L",
        string? programme = null, DegreeType degree = DegreeType.Master) => new()
    {
        ExternalId = external, Email = email, PnrHash = pnr, FirstName = first, LastName = last, DepartmentId = Dsv, Programme = programme,
        DegreeType = degree, StartYear = null, EndYear = 2004, Credits = 120m,
    };
}
