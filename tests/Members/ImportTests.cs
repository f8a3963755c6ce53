using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Alumni.Api.Features.Members.Import;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Jobs;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using Alumni.Contracts.Problems;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Members;

public sealed class ImportTestsOnSqlite(SqliteApi api) : ImportTests(api), IClassFixture<SqliteApi>;

public sealed class ImportTestsOnSqlServer(SqlServerApi api) : ImportTests(api), IClassFixture<SqlServerApi>;

/// <summary>Bulk import from the student records through the API, run by the background worker.</summary>
public abstract class ImportTests(ApiFixture api)
{
    private const string Header = "external_id,personal_identity_number,first_name,last_name,email,department_code,programme,degree_type,start_year,end_year,credits";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_semicolon_csv_with_a_bom_imports_members_with_verified_studies_and_no_consents()
    {
        var tag = Tag();
        var csv = "\uFEFF" + Header.Replace(',', ';') + "\r\n"
            + $"{tag}1;19850315-1238;Anna;Berg;anna.{tag}@example.org;DSV;Data- och systemvetenskap;master;2005;2010;\"120,0\"\r\n"
            + $"{tag}2;;Björn;Åkesson;;econ;;bachelor;2010;2013;180\r\n";
        var key = await api.KeyClientAsync("members:import", "members:read");

        var job = await ImportAsync(key, csv, "text/csv");

        var rejections = await (await key.GetAsync($"/api/members/imports/{job.Id}/rejected", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.True(job.Rejected == 0, rejections);
        Assert.Equal(("succeeded", 2, 2, 0, 0), (job.Status, job.RowsRead, job.Inserted, job.Updated, job.Rejected));
        var found = await (await key.GetAsync($"/api/members?q=anna.{tag}", Ct)).ReadAsync<Paged<MemberSummary>>();
        var member = (await (await key.GetAsync($"/api/members/{Assert.Single(found.Items).Id}", Ct)).ReadAsync<StaffMemberResponse>()).Member;
        Assert.Equal((MemberSource.Import, MemberStatus.Active, "Anna"), (member.Source, member.Status, member.FirstName));
        var study = Assert.Single(member.Affiliations);
        Assert.Equal(("DSV", 120m, true, 2010), (study.DepartmentCode, study.Credits, study.Verified, study.EndYear));
        Assert.Empty(member.Consents);
        Assert.Equal(1, (await (await key.GetAsync($"/api/members?q={Uri.EscapeDataString("ÅKESSON")}&department=ECON", Ct)).ReadAsync<Paged<MemberSummary>>()).Total);
    }

    [Fact]
    public async Task Bad_rows_are_rejected_with_their_row_number_and_reason_and_the_rest_imported()
    {
        var tag = Tag();
        var csv = Header + "\n"
            + $"{tag}1,,Ok,Row,,DSV,,master,2001,2004,90\n"
            + $"{tag}2,19850315-1235,Bad,Pnr,,DSV,,master,2001,2004,90\n"
            + $"{tag}3,,Unknown,Department,,NOPE,,master,2001,2004,90\n"
            + $"{tag}4,,Too,Few\n"
            + $"{tag}5,,Bad,Degree,,DSV,,wizard,2001,2004,90\n"
            + $"{tag}6,,Back,Wards,,DSV,,master,2004,2001,90\n"
            + $"{tag}7,,Minus,Credits,,DSV,,master,2001,2004,-3\n"
            + $"{tag}8,,Ok,Again,,DSV,,phd,2001,2004,240\n"
            + $"{tag}9,,\"Unterminated,Quote,,DSV,,master,2001,2004,90\n";
        var key = await api.KeyClientAsync("members:import");

        var job = await ImportAsync(key, csv, "text/csv");

        Assert.Equal(("succeeded", 2, 7), (job.Status, job.Inserted, job.Rejected));
        var rejected = await (await key.GetAsync($"/api/members/imports/{job.Id}/rejected", Ct)).Content.ReadAsStringAsync(Ct);
        var lines = rejected.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("row,reason", lines[0]);
        Assert.Equal(["3", "4", "5", "6", "7", "8", "10"], lines[1..].Select(l => l.Split(',')[0]));
        Assert.Contains("personal identity", lines[1]);
        Assert.Contains("NOPE", lines[2]);
        Assert.Contains("fields", lines[3]);
    }

    [Fact]
    public async Task Rejection_reasons_are_written_in_the_language_the_import_was_started_in()
    {
        var tag = Tag();
        var csv = Header + "\n"
            + $"{tag}1,,Unknown,Department,,NOPE,,master,2001,2004,90\n"
            + $"{tag}2,,Far,Future,,DSV,,master,2001,2099,90\n"
            + $"{tag}3,,Too,Few\n";
        var key = await api.KeyClientAsync("members:import");
        key.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv-SE");

        var job = await ImportAsync(key, csv, "text/csv", dryRun: true);

        var rejected = await (await key.GetAsync($"/api/members/imports/{job.Id}/rejected", Ct)).Content.ReadAsStringAsync(Ct);
        var lines = rejected.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Equal(3, lines.Length);
        Assert.Contains("Ingen institution har koden", lines[0]);
        Assert.Contains("end_year: Ett år", lines[1]);
        Assert.Contains("Raden har 4 fält", lines[2]);
    }

    [Fact]
    public async Task The_rejected_rows_file_does_not_echo_raw_input_into_a_formula_position()
    {
        var tag = Tag();
        var csv = Header + "\n"
            + $"{tag}1,,Bad,Email,\"a;=HYPERLINK(\"\"http://x\"\")\",DSV,,master,2001,2004,90\n"
            + $"{tag}2,,Bad,Department,,\"NOPE;=2+3;\",,master,2001,2004,90\n"
            + $"{tag}3,,Bad,Degree,,DSV,,\"x;@SUM(A1)\",2001,2004,90\n"
            + $"{tag}4,,Bad,Credits,,DSV,,master,2001,2004,\"1;-1\"\n";
        var key = await api.KeyClientAsync("members:import");

        var job = await ImportAsync(key, csv, "text/csv");

        Assert.Equal(4, job.Rejected);
        var rejected = await (await key.GetAsync($"/api/members/imports/{job.Id}/rejected", Ct)).Content.ReadAsStringAsync(Ct);
        Text.CsvTests.AssertNoFormula(rejected);
        var reasons = Alumni.Api.Infrastructure.Text.Csv.ReadRecords(new StringReader(rejected.TrimStart('\uFEFF'))).Skip(1).Select(r => r[1]).ToList();
        Assert.Equal(4, reasons.Count);
        Assert.Contains("NOPE;'=2+3;", reasons[1]);
    }

    [Fact]
    public async Task The_same_file_twice_changes_nothing_the_second_time_and_duplicate_rows_count_once()
    {
        var tag = Tag();
        var csv = Header + "\n" + $"{tag}1,,Dup,Licate,,DSV,,master,2001,2004,90\n" + $"{tag}1,,Dup,Licate,,DSV,,master,2001,2004,90\n";
        var key = await api.KeyClientAsync("members:import", "members:read");

        var first = await ImportAsync(key, csv, "text/csv");
        var second = await ImportAsync(key, csv, "text/csv");

        Assert.Equal((1, 1), (first.Inserted, first.Unchanged));
        Assert.Equal((0, 0, 2), (second.Inserted, second.Updated, second.Unchanged));
        Assert.Equal(1, (await (await key.GetAsync($"/api/members?q=licate&department=DSV&graduatedFrom=2004&graduatedTo=2004&pageSize=200", Ct)).ReadAsync<Paged<MemberSummary>>()).Items.Count(m => m.LastName == "Licate"));
    }

    [Fact]
    public async Task A_retried_upload_with_the_same_idempotency_key_returns_the_first_job()
    {
        var tag = Tag();
        var csv = Header + "\n" + $"{tag}1,,Idem,Potent,,DSV,,master,2001,2004,90\n";
        var key = await api.KeyClientAsync("members:import");
        var idempotency = Guid.NewGuid().ToString();

        var first = await PostAsync(key, csv, "text/csv", idempotency: idempotency);
        var retry = await PostAsync(key, csv, "text/csv", idempotency: idempotency);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal((await first.ReadAsync<ImportJobResponse>()).Id, (await retry.ReadAsync<ImportJobResponse>()).Id);
    }

    [Fact]
    public async Task Another_caller_sending_the_same_idempotency_key_gets_a_job_of_its_own()
    {
        var tag = Tag();
        var csv = Header + "\n" + $"{tag}1,,Idem,Theirs,,DSV,,master,2001,2004,90\n";
        var owner = await api.KeyClientAsync("members:import");
        var other = await api.KeyClientAsync("members:import");
        var admin = await api.AdminAsync();
        var idempotency = Guid.NewGuid().ToString();

        var first = await (await PostAsync(owner, csv, "text/csv", idempotency: idempotency)).ReadAsync<ImportJobResponse>();
        var others = await (await PostAsync(other, csv, "text/csv", idempotency: idempotency)).ReadAsync<ImportJobResponse>();
        var admins = await (await PostAsync(admin, csv, "text/csv", idempotency: idempotency)).ReadAsync<ImportJobResponse>();
        var othersRetry = await (await PostAsync(other, csv, "text/csv", idempotency: idempotency)).ReadAsync<ImportJobResponse>();

        Assert.Equal(3, new[] { first.Id, others.Id, admins.Id }.Distinct().Count());
        Assert.Equal(others.Id, othersRetry.Id);
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_or_options_is_a_422()
    {
        var tag = Tag();
        var csv = Header + "\n" + $"{tag}1,,Idem,First,,DSV,,master,2001,2004,90\n";
        var changed = Header + "\n" + $"{tag}1,,Idem,Changed,,DSV,,master,2001,2004,90\n";
        var key = await api.KeyClientAsync("members:import");
        var idempotency = Guid.NewGuid().ToString();
        var first = await (await PostAsync(key, csv, "text/csv", idempotency: idempotency)).ReadAsync<ImportJobResponse>();

        var other = await (await PostAsync(key, changed, "text/csv", idempotency: idempotency)).ProblemAsync(422);
        var dryRun = await (await PostAsync(key, csv, "text/csv", dryRun: true, idempotency: idempotency)).ProblemAsync(422);

        Assert.Equal((ProblemTypes.IdempotencyKeyReused, ProblemTypes.IdempotencyKeyReused), (other.Type, dryRun.Type));
        Assert.Equal(first.Id, (await (await PostAsync(key, csv, "text/csv", idempotency: idempotency)).ReadAsync<ImportJobResponse>()).Id);
    }

    [Fact]
    public async Task A_dry_run_reports_without_writing()
    {
        var tag = Tag();
        var csv = Header + "\n" + $"{tag}1,,Dry,Run{tag},,DSV,,master,2001,2004,90\n" + $"{tag}2,,Wet,Run,,NOPE,,master,2001,2004,90\n";
        var key = await api.KeyClientAsync("members:import", "members:read");

        var job = await ImportAsync(key, csv, "text/csv", dryRun: true);

        Assert.Equal((true, 1, 1), (job.DryRun, job.Inserted, job.Rejected));
        Assert.Equal(0, (await (await key.GetAsync($"/api/members?q=run{tag}", Ct)).ReadAsync<Paged<MemberSummary>>()).Total);
    }

    [Fact]
    public async Task Ndjson_imports_too_and_an_import_never_overwrites_what_a_member_wrote()
    {
        var tag = Tag();
        var email = $"signed-up-{tag}@alumni.test";
        var member = await MemberClients.ActiveMemberAsync(api, email);
        var ndjson = $$"""
            {"externalId":"{{tag}}1","personalIdentityNumber":"199001011239","firstName":"Other","lastName":"Name","email":"{{email}}","departmentCode":"DSV","programme":"Computer and Systems Sciences","degreeType":"master","startYear":2018,"endYear":2020,"credits":120}
            {"externalId":"{{tag}}2","firstName":"New","lastName":"Person","departmentCode":"HIST","degreeType":"bachelor","credits":60,"shoeSize":44}
            """;
        var key = await api.KeyClientAsync("members:import");

        var job = await ImportAsync(key, ndjson, "application/x-ndjson");

        Assert.Equal(("succeeded", 1, 0, 1), (job.Status, job.Updated, job.Inserted, job.Rejected));
        var profile = await MemberClients.ProfileAsync(member);
        Assert.Equal(("Ada", "Lovelace", email.ToLowerInvariant()), (profile.FirstName, profile.LastName, profile.Email));
        Assert.True(Assert.Single(profile.Affiliations).Verified);
        Assert.Contains(profile.Consents, c => c.Channel == ConsentChannel.CentralNewsletter && c.Granted);
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        var stored = await session.QueryAsync<string>(Sql.Portable("SELECT pnr_hash FROM members WHERE pnr_hash IS NOT NULL"), null, Ct);
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, s => s.Contains("199001011239") || s.Contains("9001011239"));
    }

    [Fact]
    public async Task An_import_matching_an_unconfirmed_sign_up_by_e_mail_attaches_nothing_to_it_and_takes_its_place()
    {
        var tag = Tag();
        var email = $"claimed.{tag}@alumni.test";
        using (var attacker = api.NewClient())
        {
            var signUp = MemberClients.SignUpFor(email, "ECON", consents: Enum.GetValues<ConsentChannel>()) with { FirstName = "Mallory" };
            Assert.Equal(HttpStatusCode.Accepted, (await attacker.PostAsJsonAsync("/api/members/sign-up", signUp, Json.Options, Ct)).StatusCode);
        }

        var key = await api.KeyClientAsync("members:import", "members:read");
        var job = await ImportAsync(key, Header + "\n" + $"{tag}1,,Anna,Berg,{email},DSV,,master,2005,2010,120\n", "text/csv");

        Assert.Equal(("succeeded", 1, 0, 0), (job.Status, job.Inserted, job.Updated, job.Rejected));
        var found = await (await key.GetAsync($"/api/members?q={Uri.EscapeDataString(email)}", Ct)).ReadAsync<Paged<MemberSummary>>();
        var member = (await (await key.GetAsync($"/api/members/{Assert.Single(found.Items).Id}", Ct)).ReadAsync<StaffMemberResponse>()).Member;
        Assert.Equal((MemberSource.Import, MemberStatus.Active, "Anna"), (member.Source, member.Status, member.FirstName));
        Assert.Equal([("DSV", true)], member.Affiliations.Select(a => (a.DepartmentCode, a.Verified)));
        Assert.Empty(member.Consents);
        var owner = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);
        Assert.Equal(member.Id, (await MemberClients.ProfileAsync(owner)).Id);
        await (await owner.GetAsync("/api/me/pending-sign-up", Ct)).ProblemAsync(404);
    }

    [Fact]
    public async Task Bad_files_are_refused_before_any_job_with_clear_problems()
    {
        var key = await api.KeyClientAsync("members:import");

        var header = await (await PostAsync(key, "external_id,first_name,surname,credits,shoe_size\n", "text/csv")).ProblemAsync(400);
        Assert.Contains(header.Errors!["header"], e => e.Contains("Unknown column 'surname'"));
        Assert.Contains(header.Errors!["header"], e => e.Contains("Missing column 'last_name'"));
        var latin1 = Encoding.Latin1.GetBytes(Header + "\nX1,,Åsa,Öberg,,DSV,,master,2001,2004,90\n");
        var encoding = await (await PostBytesAsync(key, latin1, "text/csv")).ProblemAsync(400);
        Assert.Contains("UTF-8", string.Join(" ", encoding.Errors!.Values.SelectMany(v => v)));
        Assert.Equal(ProblemTypes.UnsupportedMediaType, (await (await PostAsync(key, "{}", "application/json")).ProblemAsync(415)).Type);
        await (await (await api.KeyClientAsync("members:read")).PostAsync("/api/members/imports", new StringContent(Header, Encoding.UTF8, "text/csv"), Ct)).ProblemAsync(403);
    }

    [Fact]
    public async Task Rows_are_held_to_the_rules_of_the_web_forms_and_rejected_with_the_reason()
    {
        var tag = Tag();
        var csv = Header + "\n"
            + $"{tag}1,,Ok,Row,,DSV,Data- och systemvetenskap,master,2001,2004,90\n"
            + $"{tag}2,,Long,Programme,,DSV,{new string('p', 1_000_000)},master,2001,2004,90\n"
            + $"{tag}3,,Just,Over,,DSV,{new string('p', 201)},master,2001,2004,90\n"
            + $"{tag}4,,Marked,Up,,DSV,<script>alert(1)</script>,master,2001,2004,90\n"
            + $"{tag}5,,<b>Bold</b>,Name,,DSV,,master,2001,2004,90\n"
            + $"{tag}6,,Bell\u0007,Name,,DSV,,master,2001,2004,90\n"
            + $"{tag}7,,Override,Na\u202Eme,,DSV,,master,2001,2004,90\n"
            + $"{tag}8,,\"Line\nBreak\",Name,,DSV,,master,2001,2004,90\n"
            + $"{tag}9,,{new string('n', 101)},Name,,DSV,,master,2001,2004,90\n"
            + $"{tag}10,,Far,Future,,DSV,,master,2001,2099,90\n"
            + $"{tag}11,,Zero\u200BWidth,Name,,DSV,,master,2001,2004,90\n";
        var key = await api.KeyClientAsync("members:import", "members:read");

        var job = await ImportAsync(key, csv, "text/csv");

        var rejected = await (await key.GetAsync($"/api/members/imports/{job.Id}/rejected", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.True((job.Status, job.Inserted, job.Rejected) == ("succeeded", 2, 9), rejected);
        var reasons = rejected.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..]
            .ToDictionary(l => l.Split(',')[0], l => l[(l.IndexOf(',') + 1)..].Trim('"'));
        Assert.Equal(["3", "4", "5", "6", "7", "8", "9", "10", "11"], reasons.Keys);
        Assert.StartsWith("programme: Use at most 200 characters.", reasons["3"]);
        Assert.StartsWith("programme: Use at most 200 characters.", reasons["4"]);
        Assert.StartsWith("programme: Cannot contain < or >.", reasons["5"]);
        Assert.StartsWith("first_name: Names cannot contain < or >.", reasons["6"]);
        Assert.StartsWith("first_name: Remove control characters", reasons["7"]);
        Assert.StartsWith("last_name: Remove control characters", reasons["8"]);
        Assert.Contains("first_name: Remove control characters", reasons["9"]);
        Assert.StartsWith("first_name: Use at most 100 characters.", reasons["10"]);
        Assert.StartsWith("end_year: A year from", reasons["11"]);
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        Assert.Equal("ZeroWidth", await session.ExecuteScalarAsync<string>(Sql.Portable(
            "SELECT first_name FROM members WHERE external_id = @Id"), new { Id = $"{tag}11" }, Ct));
        Assert.Equal(0, await session.ExecuteScalarAsync<int>(Sql.Portable(
            "SELECT COUNT(*) FROM member_affiliations WHERE LENGTH(programme) > 200"), null, Ct));
    }

    [Fact]
    public async Task A_file_over_the_configured_size_is_a_413_problem_and_no_job()
    {
        api.SkipIfUnavailable();
        await using var factory = api.CreateFactory(await api.CreateAnotherDatabaseAsync(), b => b.UseSetting("Imports:MaxBytes", "1000"));
        var admin = await Infrastructure.Identity.SignInAsync(factory.CreateClient(), api.Mail, ApiFixture.AdminEmail);
        var tag = Tag();
        var rows = Enumerable.Range(1, 80).Select(i => $"{tag}{i},,Size,Row{i},,DSV,,master,2001,2004,90");
        var big = Header + "\n" + string.Join("\n", rows) + "\n";
        var small = Header + "\n" + string.Join("\n", rows.Take(3)) + "\n";
        Assert.True(Encoding.UTF8.GetByteCount(big) > 3000 && Encoding.UTF8.GetByteCount(small) < 1000);

        var problem = await (await PostAsync(admin, big, "text/csv")).ProblemAsync(413);

        Assert.Equal(ProblemTypes.PayloadTooLarge, problem.Type);
        Assert.Contains("1000", problem.Detail);
        await using (var session = await factory.Services.GetRequiredService<Database>().OpenAsync(Ct))
        {
            Assert.Equal(0, await session.ExecuteScalarAsync<int>(Sql.Portable("SELECT COUNT(*) FROM import_jobs"), null, Ct));
        }

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(admin, small, "text/csv")).StatusCode);
    }

    [Fact]
    public async Task A_header_problem_echoes_at_most_200_characters_of_a_column()
    {
        var key = await api.KeyClientAsync("members:import");
        var line = new string('x', 100_000);

        var problem = await (await PostAsync(key, line, "text/csv")).ProblemAsync(400);

        var unknown = Assert.Single(problem.Errors!["header"], e => e.StartsWith("Unknown column", StringComparison.Ordinal));
        Assert.Equal($"Unknown column '{new string('x', 200)}…'.", unknown);
        Assert.True(problem.Errors!.Values.Sum(v => v.Sum(e => e.Length)) < 2000);
    }

    [Fact]
    public async Task An_import_interrupted_by_a_restart_resumes_after_its_last_batch_without_duplicates()
    {
        api.SkipIfUnavailable();
        var tag = Tag();
        var rows = Enumerable.Range(1, 8).Select(i => $"{tag}{i},,Resume,Row{i},,DSV,,master,2001,2004,90").ToList();
        await using var factory = api.CreateFactory(await api.CreateAnotherDatabaseAsync(), b => b.UseSetting("Jobs:Enabled", "false"));
        var admin = await Infrastructure.Identity.SignInAsync(factory.CreateClient(), api.Mail, ApiFixture.AdminEmail);
        var worker = factory.Services.GetRequiredService<JobWorker>();
        var first = await (await PostAsync(admin, Header + "\n" + string.Join("\n", rows.Take(4)) + "\n", "text/csv")).ReadAsync<ImportJobResponse>();
        Assert.True(await worker.RunOnceAsync(Ct));
        var second = await (await PostAsync(admin, Header + "\n" + string.Join("\n", rows) + "\n", "text/csv")).ReadAsync<ImportJobResponse>();

        // The state a crash leaves: the second import committed its first batch (the four rows the first import
        // already brought, so unchanged), then its instance died holding the lease. This instance takes it over.
        await using (var session = await factory.Services.GetRequiredService<Database>().OpenAsync(Ct))
        {
            await session.ExecuteAsync(Sql.Portable("""
                UPDATE jobs SET status = 'running', lease_owner = 'crashed', lease_until = @Past, attempts = 1 WHERE id = @Id
                """), new { second.Id, Past = DateTimeOffset.UtcNow.AddMinutes(-5) }, Ct);
            await session.ExecuteAsync(Sql.Portable("UPDATE import_jobs SET rows_read = 4, unchanged = 4 WHERE id = @Id"), new { second.Id }, Ct);
        }

        Assert.True(await worker.RunOnceAsync(Ct));

        var done = await (await admin.GetAsync($"/api/members/imports/{second.Id}", Ct)).ReadAsync<ImportJobResponse>();
        Assert.True(done.Status == "succeeded", done.Error);
        Assert.Equal(("succeeded", 8, 4, 4), (done.Status, done.RowsRead, done.Inserted, done.Unchanged));
        Assert.Equal(4, (await (await admin.GetAsync($"/api/members/imports/{first.Id}", Ct)).ReadAsync<ImportJobResponse>()).Inserted);
        var found = await (await admin.GetAsync("/api/members?q=resume&pageSize=200", Ct)).ReadAsync<Paged<MemberSummary>>();
        Assert.Equal(8, found.Total);
        Assert.Equal(rows.Select((_, i) => $"Row{i + 1}").Order(StringComparer.Ordinal), found.Items.Select(m => m.LastName).Order(StringComparer.Ordinal));
        Assert.False(await worker.RunOnceAsync(Ct));
    }

    [Fact]
    public async Task A_search_counts_exactly_up_to_1000_matches_and_pages_on_past_them_in_name_order()
    {
        var tag = Tag();
        var csv = new StringBuilder(Header + "\n");
        for (var i = 1049; i >= 0; i--)
        {
            csv.Append($"{tag}{i},,N{i:D4},Zed{tag},,DSV,,master,2001,2004,90\n");
        }

        var key = await api.KeyClientAsync("members:import", "members:read");
        Assert.Equal(1050, (await ImportAsync(key, csv.ToString(), "text/csv")).Inserted);

        var first = await (await key.GetAsync($"/api/members?q=zed{tag}", Ct)).ReadAsync<Paged<MemberSummary>>();
        Assert.Equal((1000, false, "N0000"), (first.Total, first.TotalExact, first.Items[0].FirstName));
        var last = await (await key.GetAsync($"/api/members?q=zed{tag}&page=21", Ct)).ReadAsync<Paged<MemberSummary>>();
        Assert.Equal(Enumerable.Range(1000, 50).Select(i => $"N{i:D4}"), last.Items.Select(m => m.FirstName));
        Assert.Empty((await (await key.GetAsync($"/api/members?q=zed{tag}&page=22", Ct)).ReadAsync<Paged<MemberSummary>>()).Items);
        var both = await (await key.GetAsync($"/api/members?q={Uri.EscapeDataString($"n0417 ZED{tag}")}", Ct)).ReadAsync<Paged<MemberSummary>>();
        Assert.Equal((1, true, "N0417"), (both.Total, both.TotalExact, Assert.Single(both.Items).FirstName));
        var exact = await (await key.GetAsync($"/api/members?q=zed{tag}&graduatedFrom=2004&graduatedTo=2004&pageSize=1", Ct)).ReadAsync<Paged<MemberSummary>>();
        Assert.False(exact.TotalExact);
        Assert.Empty((await (await key.GetAsync($"/api/members?q=zed{tag}&department=econ", Ct)).ReadAsync<Paged<MemberSummary>>()).Items);
    }

    [Fact]
    public async Task The_full_text_index_stays_in_step_with_the_members_through_imports_and_changes()
    {
        if (api.Provider != DatabaseProvider.Sqlite)
        {
            Assert.Skip("The trigram full-text index is SQLite's; SQL Server searches members.search_text itself.");
        }

        var tag = Tag();
        var key = await api.KeyClientAsync("members:import", "members:read");
        var csv = Header + "\n"
            + $"{tag}1,,Fia,Fulltext,fia.{tag}@example.org,DSV,,master,2001,2004,90\n"
            + $"{tag}1,,Fia,Fulltext,fia.{tag}@example.net,DSV,,bachelor,1998,2001,180\n"
            + $"{tag}2,,Gus,Fulltext,,DSV,,master,2001,2004,90\n";
        Assert.Equal((2, 1), (await ImportAsync(key, csv, "text/csv")) is var job ? (job.Inserted, job.Updated) : default);
        await ImportAsync(key, Header + "\n" + $"{tag}2,,Gustav,Fulltext,gus.{tag}@example.org,DSV,,master,2001,2004,90\n", "text/csv");
        await MemberClients.ActiveMemberAsync(api, $"signed.{tag}@alumni.test");

        Assert.Equal(["Fia", "Gustav"], (await (await key.GetAsync($"/api/members?q=fulltext%20{tag}", Ct)).ReadAsync<Paged<MemberSummary>>()).Items.Select(m => m.FirstName));
        Assert.Empty((await (await key.GetAsync($"/api/members?q=fia.{tag}@example.org", Ct)).ReadAsync<Paged<MemberSummary>>()).Items);
        Assert.Single((await (await key.GetAsync($"/api/members?q=signed.{tag}", Ct)).ReadAsync<Paged<MemberSummary>>()).Items);
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        var problem = await FullTextIntegrityTests.ProblemAsync(session, Ct);
        Assert.True(problem is null, $"SQLite's integrity check finds the full-text index out of step with the members: {problem}");
    }

    private static string Tag() => "T" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();

    private async Task<ImportJobResponse> ImportAsync(HttpClient key, string body, string contentType, bool dryRun = false)
    {
        var response = await PostAsync(key, body, contentType, dryRun);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        return await WaitAsync(key, (await response.ReadAsync<ImportJobResponse>()).Id);
    }

    /// <summary>Follows an import until it has finished (or a minute has passed), and answers its last state.</summary>
    internal static async Task<ImportJobResponse> WaitAsync(HttpClient key, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var job = await (await key.GetAsync($"/api/members/imports/{id}", Ct)).ReadAsync<ImportJobResponse>();
            if (job.Status is "succeeded" or "failed" || DateTime.UtcNow > deadline)
            {
                return job;
            }

            await Task.Delay(50, Ct);
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient key, string body, string contentType, bool dryRun = false, string? idempotency = null) =>
        PostBytesAsync(key, Encoding.UTF8.GetBytes(body), contentType, dryRun, idempotency);

    private static Task<HttpResponseMessage> PostBytesAsync(HttpClient key, byte[] body, string contentType, bool dryRun = false, string? idempotency = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/members/imports{(dryRun ? "?dryRun=true" : "")}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (idempotency is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotency);
        }

        return key.SendAsync(request, Ct);
    }
}
