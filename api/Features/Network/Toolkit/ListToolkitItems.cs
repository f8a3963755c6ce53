using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.Toolkit;

/// <summary>The toolkit, latest change first, by words, kind, tag and change date.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class ListToolkitItems(Database db) : Endpoint<ListToolkitItemsRequest, Paged<ToolkitItemSummary>>
{
    public override void Configure()
    {
        Get("/network/toolkit/items");
        Description(b => b
            .WithName("network_listToolkitItems")
            .WithSummary("List the toolkit")
            .WithDescription("Latest change first, with each item's current titles and summaries, its tags and when it last changed (a new version). "
                + "`q` keeps items with the words in a title, summary or body of the current version; `kind`, `tag` (without regard to case) and "
                + "`changedSince` narrow it. `archived=true` lists the archived ones instead (the office only: 403 otherwise). The network "
                + "(coordinators and admins). The total is exact up to 1,000.")
            .ProducesProblems(StatusCodes.Status403Forbidden));
    }

    public override async Task HandleAsync(ListToolkitItemsRequest req, CancellationToken ct)
    {
        if (req.Archived && !DepartmentScope.Of(User).ScopeAll)
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, Texts.Get("network.toolkit.onlyTheOfficeSeesArchived"), Alumni.Contracts.Problems.ProblemTypes.Forbidden);
        }

        await using var session = await db.OpenAsync(ct);
        var page = await Query(req).ReadAsync<ToolkitItemSummary>(session, req, ct);
        var tags = await ToolkitSql.TagsAsync(db, session, page.Items.Select(i => i.Id).ToList(), ct);
        await Send.OkAsync(page with { Items = page.Items.Select(i => i with { Tags = tags[i.Id].ToList() }).ToList() }, ct);
    }

    /// <summary>The page a request asks for, with only the filters it sets.</summary>
    internal static PagedQuery Query(ListToolkitItemsRequest req) => new(
        """
        SELECT i.id AS Id, i.kind AS Kind, v.title_sv AS TitleSv, v.title_en AS TitleEn, v.summary_sv AS SummarySv, v.summary_en AS SummaryEn,
               i.current_version AS CurrentVersion, i.created_at AS CreatedAt, i.updated_at AS ChangedAt, i.archived_at AS ArchivedAt
        """,
        "toolkit_items i JOIN toolkit_item_versions v ON v.item_id = i.id AND v.number = i.current_version",
        new SqlConditions()
            .Add(req.Archived ? "i.archived_at IS NOT NULL" : "i.archived_at IS NULL")
            .Add("i.kind = @Kind", "Kind", req.Kind is { } kind ? ToolkitSql.Db(kind) : null)
            .Add("i.id IN (SELECT t.item_id FROM toolkit_item_tags t WHERE t.tag_key = @Tag)", "Tag",
                string.IsNullOrWhiteSpace(req.Tag) ? null : ToolkitSql.TagKey(req.Tag))
            .Add("i.updated_at >= @ChangedSince", "ChangedSince", req.ChangedSince)
            .Add("""
                (LOWER(COALESCE(v.title_sv, '')) LIKE @Q ESCAPE '\' OR LOWER(COALESCE(v.title_en, '')) LIKE @Q ESCAPE '\'
                 OR LOWER(COALESCE(v.summary_sv, '')) LIKE @Q ESCAPE '\' OR LOWER(COALESCE(v.summary_en, '')) LIKE @Q ESCAPE '\'
                 OR LOWER(COALESCE(v.body_sv, '')) LIKE @Q ESCAPE '\' OR LOWER(COALESCE(v.body_en, '')) LIKE @Q ESCAPE '\')
                """, "Q", Like.Containing(req.Q)),
        "i.updated_at DESC, i.id");

    public sealed class Validator : Validator<ListToolkitItemsRequest>
    {
        public Validator()
        {
            this.ValidatePage();
            RuleFor(r => r.Q).MaximumLength(200).WithMessage(_ => Texts.Get("common.useAtMostCharacters", 200));
            RuleFor(r => r.Tag).MaximumLength(ToolkitRules.TagMaxLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", ToolkitRules.TagMaxLength));
            RuleFor(r => r.Kind).IsInEnum().WithMessage(_ => Texts.Get("common.thisValueIsNotOne"));
        }
    }
}
