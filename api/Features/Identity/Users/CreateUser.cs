using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Identity;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Identity.Users;

/// <summary>Adds a person by address, so roles can be given before their first sign-in. Idempotent.</summary>
[Access(Caller.Admin)]
public sealed class CreateUser(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CreateUserRequest, UserResponse>
{
    private static readonly Sql SetNameIfMissing = Sql.Portable("""
        UPDATE users SET display_name = @DisplayName, updated_at = @Now WHERE id = @Id AND display_name IS NULL
        """);

    public override void Configure()
    {
        Post("/admin/users");
        Description(b => b
            .WithName("identity_createUser")
            .WithSummary("Add a person")
            .WithDescription("Adds a person who can then be given roles; 201 when added, 200 with the existing person when the address is known.")
            .Produces<UserResponse>(StatusCodes.Status200OK)
            .Produces<UserResponse>(StatusCodes.Status201Created));
    }

    public override async Task HandleAsync(CreateUserRequest req, CancellationToken ct)
    {
        var email = TextRules.NormaliseEmail(req.Email);
        var name = string.IsNullOrWhiteSpace(req.DisplayName) ? null : req.DisplayName.Trim();
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var existed = await session.ExecuteScalarAsync<Guid?>(IdentitySql.UserIdByEmail, new { Email = email }, ct);
        var id = await IdentitySql.EnsureUserAsync(session, email, name, now, ct);
        if (existed is null)
        {
            await audit.WriteAsync(session, HttpContext, new AuditEvent("user.create", "user", id.ToString(), Detail: email), ct);
        }
        else if (name is not null)
        {
            await session.ExecuteAsync(SetNameIfMissing, new { Id = id, DisplayName = name, Now = now }, ct);
        }

        var user = (await IdentitySql.GetUserAsync(session, id, ct))!;
        await session.CommitAsync(ct);
        await Send.ResponseAsync(user, existed is null ? StatusCodes.Status201Created : StatusCodes.Status200OK, ct);
    }

    public sealed class Validator : Validator<CreateUserRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Email).IsEmail();
            RuleFor(r => r.DisplayName!).MaximumLength(200).Must(n => n.IndexOfAny(['<', '>']) < 0)
                .WithMessage(_ => Texts.Get("identity.namesCannotContainOr"))
                .When(r => r.DisplayName is not null);
        }
    }
}
