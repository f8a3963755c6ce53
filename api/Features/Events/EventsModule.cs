using Alumni.Api.Features.Events.Mail;
using Alumni.Api.Infrastructure.Hosting;

namespace Alumni.Api.Features.Events;

/// <summary>
/// The Events slice: events of the central office and the departments, their questions, registrations and waiting
/// list, check-in, feedback, calendar feeds and the event mail outbox; occasions abroad (visits and delegations) that
/// events belong to.
/// </summary>
public sealed class EventsModule : ISliceModule
{
    /// <inheritdoc />
    public IReadOnlyList<string> OwnedTables { get; } =
    [
        "occasions", "events", "event_cohosts", "event_audience_departments", "event_questions", "event_registrations",
        "event_registration_guests", "event_answers", "event_feedback", "event_calendar_feeds", "event_mail",
        "event_invitation_facts", "event_attendance", "event_hosts", "network_meetings",
    ];

    /// <inheritdoc />
    public IReadOnlyList<Published> Published { get; } =
    [
        Infrastructure.Hosting.Published.View("event_invitation_facts"),
        Infrastructure.Hosting.Published.View("event_attendance"),
        Infrastructure.Hosting.Published.View("event_hosts"),
        Infrastructure.Hosting.Published.View("network_meetings"),
    ];

    public void Add(WebApplicationBuilder builder)
    {
        // A member's erasure deletes their calendar feed (Members raises it; the feed is this slice's table).
        builder.Services.AddSingleton<Infrastructure.Security.IErasureObserver, Calendar.CalendarFeedErasure>();
        builder.Services.AddSingleton<Infrastructure.Security.IErasureObserver, Registrations.RegistrationErasure>();
        builder.AddEventMail();
        builder.Services.Configure<Schedule.EventScheduleOptions>(builder.Configuration.GetSection(Schedule.EventScheduleOptions.Section));
        builder.Services.AddHostedService<Schedule.EventSchedule>();
        builder.Services.AddSingleton<IEventMailComposer, Schedule.ReminderMail>();
        builder.Services.AddSingleton<IEventMailComposer, Schedule.FeedbackMail>();
        builder.Services.AddSingleton<IEventMailComposer, Schedule.FollowUpMail>();
    }
}
