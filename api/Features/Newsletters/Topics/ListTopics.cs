using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Topics;

/// <summary>
/// The topics, each with its subscribers now. The first list after a department was added while the API ran adds that
/// department's topic (<see cref="TopicSeeding"/>).
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class ListTopics(Database db, TimeProvider time) : Endpoint<ListTopicsRequest, IReadOnlyList<TopicResponse>>
{
    public override void Configure()
    {
        Get("/newsletters/topics");
        Description(b => b
            .WithName("newsletters_listTopics")
            .WithSummary("List newsletter topics")
            .WithDescription("Every active topic (the central newsletter, event invitations, custom topics, then each department's), with the "
                + "number of members on it now. Admins may add includeInactive=true."));
    }

    public override async Task HandleAsync(ListTopicsRequest req, CancellationToken ct)
    {
        bool missing;
        await using (var read = await db.OpenAsync(ct))
        {
            missing = await TopicSeeding.AnyMissingAsync(read, ct);
        }

        if (missing)
        {
            await using var write = await db.BeginAsync(ct);
            await TopicSeeding.EnsureAsync(write, time.GetUtcNow(), ct);
            await write.CommitAsync(ct);
        }

        await using var session = await db.OpenAsync(ct);
        var includeInactive = req.IncludeInactive && DepartmentScope.Of(User).ScopeAll;
        var topics = await session.QueryAsync<TopicResponse>(TopicSql.All, new { IncludeInactive = includeInactive }, ct);
        var counted = new List<TopicResponse>(topics.Count);
        foreach (var topic in topics)
        {
            counted.Add(await TopicSql.WithSubscribersAsync(session, topic, ct));
        }

        await Send.OkAsync(counted, ct);
    }
}
