using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Members.Staff;

/// <summary>Adds a staff note to a member (visible to staff only).</summary>
[Access(Caller.Staff, Scope = ApiScopes.MembersWrite)]
public sealed class AddMemberNote(Database db, IAuditLog audit, TimeProvider time) : Endpoint<AddNoteRequest, NoteResponse>
{
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO member_notes (id, member_id, author_id, author_name, text, created_at)
        VALUES (@NoteId, @Id, @AuthorId, @AuthorName, @Text, @Now)
        """);

    public override void Configure()
    {
        Post("/members/{id}/notes");
        Description(b => b
            .WithName("members_addNote")
            .WithSummary("Add a staff note to a member")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<NoteResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(AddNoteRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        await StaffMember.CheckAsync(session, HttpContext, req.Id, ct);

        var note = new NoteResponse
        {
            Id = Guid.CreateVersion7(now),
            Text = req.Text.Trim(),
            AuthorName = User.FindFirst(AlumniClaims.Email)?.Value ?? User.FindFirst(AlumniClaims.KeyName)?.Value,
            CreatedAt = now,
        };
        await session.ExecuteAsync(Insert, new { NoteId = note.Id, req.Id, AuthorId = User.PersonId(), note.AuthorName, note.Text, Now = now }, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("member.note", "member", req.Id.ToString()), ct);
        await session.CommitAsync(ct);
        await Send.ResponseAsync(note, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<AddNoteRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Text).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= 4000)
                .WithMessage(_ => Texts.Get("members.writeTheNote14000"));
        }
    }
}
