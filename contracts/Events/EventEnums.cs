namespace Alumni.Contracts.Events;

/// <summary>What kind of event it is.</summary>
public enum EventKind
{
    Reunion,
    Lecture,
    Networking,
    Webinar,

    /// <summary>A gathering abroad, usually tied to an occasion (a visit or delegation of the university).</summary>
    InternationalGathering,

    AlumniDaySession,

    /// <summary>A meeting for the coordinators (usually with the coordinators-only audience).</summary>
    CoordinatorMeeting,
}

/// <summary>Where an event stands: a draft is seen only by staff; published, cancelled and completed are final steps in that order.</summary>
public enum EventStatus
{
    /// <summary>Being prepared; only staff see it.</summary>
    Draft,

    /// <summary>Open to its audience (and, unless coordinators-only, on the public list).</summary>
    Published,

    /// <summary>Called off; those registered were told.</summary>
    Cancelled,

    /// <summary>Took place.</summary>
    Completed,
}

/// <summary>Who an event is for.</summary>
public enum EventAudience
{
    /// <summary>Every member.</summary>
    All,

    /// <summary>Members affiliated with one of the event's audience departments.</summary>
    Departments,

    /// <summary>Staff only (coordinators and admins).</summary>
    Coordinators,
}

/// <summary>How a question is answered.</summary>
public enum QuestionKind
{
    /// <summary>Free text (e.g. dietary needs).</summary>
    Text,

    /// <summary>One of two or more choices.</summary>
    Choice,

    /// <summary>Yes or no.</summary>
    YesNo,
}

/// <summary>Where a registration stands.</summary>
public enum RegistrationStatus
{
    /// <summary>Has its seats.</summary>
    Confirmed,

    /// <summary>On the waiting list.</summary>
    Waiting,

    /// <summary>Cancelled by the member (or with the event).</summary>
    Cancelled,

    /// <summary>Left the waiting list.</summary>
    Left,
}
