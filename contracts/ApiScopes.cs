namespace Alumni.Contracts;

/// <summary>
/// The scopes an API key can carry, one place for all of them: each opens the operations whose access rule names it
/// (<c>identity_listScopes</c> lists them with their operations).
/// </summary>
public static class ApiScopes
{
    /// <summary>Create and change departments.</summary>
    public const string DepartmentsWrite = "departments:write";

    /// <summary>Read the audit log.</summary>
    public const string AuditRead = "audit:read";

    /// <summary>Search, read and export members.</summary>
    public const string MembersRead = "members:read";

    /// <summary>Change members and add notes.</summary>
    public const string MembersWrite = "members:write";

    /// <summary>Import members in bulk.</summary>
    public const string MembersImport = "members:import";

    /// <summary>Read events (staff's view, all departments) and the public list.</summary>
    public const string EventsRead = "events:read";

    /// <summary>Create, change, publish, cancel and complete events.</summary>
    public const string EventsWrite = "events:write";

    /// <summary>Read topics, segments, the message library and campaigns with their figures.</summary>
    public const string NewslettersRead = "newsletters:read";

    /// <summary>Create and change segments, messages and campaigns, and start, pause and cancel sends.</summary>
    public const string NewslettersWrite = "newsletters:write";

    /// <summary>Record bounced mail by address (from a mail provider's bounce feed).</summary>
    public const string MailBounces = "mail:bounces";

    /// <summary>Read the coordinator network: the directory, the toolkit, initiatives, support requests, meetings' notes and news.</summary>
    public const string NetworkRead = "network:read";

    /// <summary>Run the coordinator network: assignments, the toolkit, initiatives, decisions on support requests, meetings' notes and news.</summary>
    public const string NetworkWrite = "network:write";
}
