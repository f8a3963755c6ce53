using Alumni.Api.Infrastructure.Hosting;

namespace Alumni.Api.Features.Network;

/// <summary>
/// The Network slice: the local coordinator network. Coordinators' assignments to departments (which give and take
/// Identity's department scope), the directory and the office's coverage, the toolkit of ready messages, templates,
/// guides and checklists with versions and files, central initiatives that departments join, requests for support with
/// cross-department activities, notes and decisions of network meetings, news for the network and the coordinator's
/// start page.
/// </summary>
public sealed class NetworkModule : ISliceModule
{
    /// <inheritdoc />
    public IReadOnlyList<string> OwnedTables { get; } =
    [
        "coordinator_assignments", "toolkit_items", "toolkit_item_versions", "toolkit_item_tags", "toolkit_files",
        "toolkit_file_contents", "network_initiatives", "network_initiative_joins", "network_support_requests",
        "network_support_request_departments", "network_support_request_help", "network_meeting_notes", "network_news",
    ];

    /// <inheritdoc />
    public IReadOnlyList<Published> Published { get; } = [];

    public void Add(WebApplicationBuilder builder)
    {
        builder.Services.Configure<Coverage.CoverageOptions>(builder.Configuration.GetSection(Coverage.CoverageOptions.Section));
        Files.FileServices.Add(builder);
    }
}
