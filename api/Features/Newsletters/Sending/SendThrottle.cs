namespace Alumni.Api.Features.Newsletters.Sending;

/// <summary>
/// Paces this instance's campaign mail to <see cref="NewsletterOptions.MessagesPerSecond"/>: each mail takes the next
/// slot, 1/rate after the one before; a sender that falls behind does not catch up in a burst. The rate holds per
/// instance: instances sending at the same time together send up to their number times it (the hourly ceiling,
/// <see cref="NewsletterOptions.MessagesPerHour"/>, is counted from the recipients table and holds for all).
/// </summary>
public sealed class SendThrottle(TimeProvider time)
{
    private readonly Lock gate = new();
    private DateTimeOffset next = DateTimeOffset.MinValue;

    /// <summary>Waits for this mail's slot; at once when <paramref name="perSecond"/> is 0 or less (no throttle).</summary>
    public Task WaitAsync(double perSecond, CancellationToken ct)
    {
        if (perSecond <= 0)
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        TimeSpan wait;
        lock (gate)
        {
            if (next < now)
            {
                next = now;
            }

            wait = next - now;
            next += TimeSpan.FromSeconds(1 / perSecond);
        }

        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, time, ct);
    }
}
