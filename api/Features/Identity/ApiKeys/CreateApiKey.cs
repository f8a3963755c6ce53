using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Identity;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Identity.ApiKeys;

/// <summary>
/// Creates an API key for an integration. The answer holds the whole key once; only its SHA-256 is stored, with a
/// visible prefix to recognise it by.
/// </summary>
[Access(Caller.Admin)]
public sealed class CreateApiKey(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CreateApiKeyRequest, CreatedApiKeyResponse>
{
    private const string PrefixAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO api_keys (id, name, prefix, secret_hash, scopes, created_at, created_by, expires_at)
        VALUES (@Id, @Name, @Prefix, @SecretHash, @Scopes, @Now, @CreatedBy, @ExpiresAt)
        """);

    public override void Configure()
    {
        Post("/admin/api-keys");
        Description(b => b
            .WithName("identity_createApiKey")
            .WithSummary("Create an API key")
            .WithDescription("The secret is in this answer only. Send it as Authorization: Bearer <secret>.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<CreatedApiKeyResponse>(StatusCodes.Status201Created));
    }

    public override async Task HandleAsync(CreateApiKeyRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (req.ExpiresAt is { } expires && expires <= now)
        {
            ThrowError(r => r.ExpiresAt, Texts.Get("identity.chooseATimeInThe"));
        }

        var id = Guid.CreateVersion7(now);
        var prefix = ApiKeyAuthenticationHandler.KeyStart + string.Create(8, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = PrefixAlphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(PrefixAlphabet.Length)];
            }
        });
        var secret = $"{prefix}_{SecretTokens.NewToken()}";
        await using var session = await db.BeginAsync(ct);
        await session.ExecuteAsync(Insert, new
        {
            Id = id,
            Name = req.Name.Trim(),
            Prefix = prefix,
            SecretHash = SecretTokens.Sha256(secret),
            Scopes = ApiKeyScopes.Format(req.Scopes),
            Now = now,
            CreatedBy = User.PersonId(),
            req.ExpiresAt,
        }, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("api-key.create", "api-key", id.ToString(), Detail: $"{prefix}: {ApiKeyScopes.Format(req.Scopes)}"), ct);
        var key = (await ApiKeySql.ReadAsync(session, id, ct)).Single();
        await session.CommitAsync(ct);
        await Send.ResponseAsync(new CreatedApiKeyResponse { Key = key, Secret = secret }, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateApiKeyRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Name)
                .Cascade(CascadeMode.Stop)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => Texts.Get("identity.enterAName"))
                .MaximumLength(200).WithMessage(_ => Texts.Get("identity.useAtMost200Characters"))
                .Must(n => n.IndexOfAny(['<', '>']) < 0).WithMessage(_ => Texts.Get("identity.namesCannotContainOr"));
            RuleFor(r => r.Scopes)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => Texts.Get("identity.chooseAtLeastOneScope"))
                .Must(s => s.All(ApiKeyScopes.All.Contains))
                .WithMessage(r => Texts.Get("identity.unknownScope") + string.Join(", ", r.Scopes.Where(s => !ApiKeyScopes.All.Contains(s))));
        }
    }
}
