namespace Alumni.Contracts.Members;

/// <summary>Where a member stands.</summary>
public enum MemberStatus
{
    /// <summary>Signed up, e-mail not yet verified (purged after 30 days).</summary>
    Pending,

    /// <summary>A member of the network.</summary>
    Active,

    /// <summary>Wants nothing sent on any channel.</summary>
    Unsubscribed,

    /// <summary>Personal data erased; only anonymous counts remain.</summary>
    Erased,
}

/// <summary>How a member entered the database.</summary>
public enum MemberSource
{
    SignUp,
    Import,
    Invitation,
    Staff,
}

/// <summary>The kind of degree of an affiliation.</summary>
public enum DegreeType
{
    None,
    Bachelor,
    Master,
    PhD,
    Professional,
    Exchange,
}

/// <summary>The channels a member consents to, one by one.</summary>
public enum ConsentChannel
{
    /// <summary>The central office's recurring newsletter.</summary>
    CentralNewsletter,

    /// <summary>Mailings from the departments the member is affiliated with.</summary>
    DepartmentMailings,

    /// <summary>Invitations to events.</summary>
    EventInvitations,

    /// <summary>Being listed in the alumni directory.</summary>
    Directory,

    /// <summary>Being contacted about what the member offers (mentoring, guest lectures, ...).</summary>
    ContactAboutOffers,
}

/// <summary>Where one consent stands.</summary>
public enum ConsentState
{
    /// <summary>Never given (the member said no, or was never asked).</summary>
    NotGiven,

    /// <summary>Given and in force.</summary>
    Given,

    /// <summary>Given once, then withdrawn.</summary>
    Withdrawn,
}

/// <summary>How a consent was given or withdrawn.</summary>
public enum ConsentMethod
{
    SignUpForm,
    ProfilePage,
    UnsubscribeLink,
    StaffOnRequest,
}

/// <summary>What a member offers students and the university.</summary>
public enum MemberOffer
{
    Mentor,
    GuestLecture,
    StudyVisitHost,
    Panel,
}

/// <summary>Profile fields a directory-listed member may choose to show other members.</summary>
public enum DirectoryField
{
    Email,
    Country,
    City,
    Employer,
    JobTitle,
    Industry,
    LinkedInUrl,
    Bio,
    Interests,
    Offers,
    Affiliations,
}

/// <summary>The orders of the staff search over members.</summary>
public enum MemberSort
{
    /// <summary>By last name, then first name.</summary>
    Name,

    /// <summary>Newest member first.</summary>
    Created,

    /// <summary>Most recently changed first.</summary>
    Updated,
}
