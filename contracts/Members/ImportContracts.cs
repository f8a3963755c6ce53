using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Members;

/// <summary>
/// Starts an import of former students. The body is the file itself: <c>text/csv</c> (UTF-8, with or without BOM,
/// comma or semicolon) or <c>application/x-ndjson</c> (one JSON object a line). CSV header / NDJSON field names:
/// <c>external_id</c> / <c>externalId</c>, <c>personal_identity_number</c> / <c>personalIdentityNumber</c> (optional),
/// <c>first_name</c>, <c>last_name</c>, <c>email</c> (optional), <c>department_code</c>, <c>programme</c> (optional),
/// <c>degree_type</c> (none, bachelor, master, phd, professional, exchange), <c>start_year</c>, <c>end_year</c> (optional), <c>credits</c>.
/// </summary>
public sealed record StartImportRequest
{
    /// <summary>Validate and report without writing anything.</summary>
    public bool DryRun { get; init; }

    /// <summary>The file's name as the uploader knows it (at most 200 characters), shown in the list of imports.</summary>
    public string? FileName { get; init; }
}

/// <summary>Pages the past imports, newest first.</summary>
public sealed record ListImportsRequest : IPageRequest
{
    /// <summary>Page number, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Imports per page, 1–200.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>One past import in the list: who ran it, when, on which file, and its counts.</summary>
public sealed record ImportSummary
{
    [Required] public Guid Id { get; init; }

    /// <summary><c>queued</c>, <c>running</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    [Required] public string Status { get; init; } = "";

    [Required] public bool DryRun { get; init; }

    /// <summary><c>csv</c> or <c>ndjson</c>.</summary>
    [Required] public string Format { get; init; } = "";

    /// <summary>The file's name as the uploader gave it; null when none was given.</summary>
    public string? FileName { get; init; }

    /// <summary>Who ran it: the person's name (display name, else e-mail address) or the API key's name; null when unknown.</summary>
    public string? RunBy { get; init; }

    /// <summary>True when an API key ran it, false when a signed-in person did.</summary>
    [Required] public bool RunByKey { get; init; }

    [Required] public int RowsRead { get; init; }

    [Required] public int Inserted { get; init; }

    [Required] public int Updated { get; init; }

    [Required] public int Unchanged { get; init; }

    [Required] public int Rejected { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}

/// <summary>Addresses one import.</summary>
public sealed record ImportByIdRequest
{
    [Required] public Guid Id { get; init; }
}

/// <summary>An import job: where it stands and, at the end, its report.</summary>
public sealed record ImportJobResponse
{
    [Required] public Guid Id { get; init; }

    /// <summary><c>queued</c>, <c>running</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    [Required] public string Status { get; init; } = "";

    [Required] public bool DryRun { get; init; }

    /// <summary><c>csv</c> or <c>ndjson</c>.</summary>
    [Required] public string Format { get; init; } = "";

    /// <summary>The file's name as the uploader gave it; null when none was given.</summary>
    public string? FileName { get; init; }

    /// <summary>Data rows read so far.</summary>
    [Required] public int RowsRead { get; init; }

    /// <summary>New members.</summary>
    [Required] public int Inserted { get; init; }

    /// <summary>Members matched and changed (a study confirmed or added, a missing id filled in).</summary>
    [Required] public int Updated { get; init; }

    /// <summary>Members matched with nothing to change.</summary>
    [Required] public int Unchanged { get; init; }

    /// <summary>Rows refused; see the rejected rows.</summary>
    [Required] public int Rejected { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Why the job failed, when it did.</summary>
    public string? Error { get; init; }
}
