using System.Threading.Channels;

namespace Alumni.Api.Features.Events.Mail;

/// <summary>
/// Wakes this instance's <see cref="EventMailSender"/> when a request has just committed mail, so it goes out at once
/// rather than at the next poll (which still finds the mail other instances wrote).
/// </summary>
public sealed class EventMailSignal
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    /// <summary>There is mail to send.</summary>
    public void Pulse() => channel.Writer.TryWrite(true);

    /// <summary>Waits for a pulse or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutSource.Token);
        try
        {
            await channel.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The timeout: poll.
        }
    }
}
