using System.Text.Json;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Network;

namespace Alumni.Api.Features.Network.Support;

/// <summary>
/// The one place that lists a support request's legal moves: from which state each move may be made and where it
/// leads, and who makes it (the office, or the asking department). Every other pair is a 409 that says from which
/// state to which the move was asked.
/// </summary>
internal static class SupportStateMachine
{
    /// <summary>Who makes a move: the office (an admin) or the asking department (its coordinator, or an admin).</summary>
    public enum Actor
    {
        Office,
        AskingDepartment,
    }

    /// <summary>The legal moves: (from, move) → to.</summary>
    public static readonly IReadOnlyDictionary<(SupportRequestStatus From, SupportMove Move), SupportRequestStatus> Legal =
        new Dictionary<(SupportRequestStatus, SupportMove), SupportRequestStatus>
        {
            [(SupportRequestStatus.Submitted, SupportMove.Edit)] = SupportRequestStatus.Submitted,
            [(SupportRequestStatus.Submitted, SupportMove.Approve)] = SupportRequestStatus.Approved,
            [(SupportRequestStatus.Submitted, SupportMove.Decline)] = SupportRequestStatus.Declined,
            [(SupportRequestStatus.Submitted, SupportMove.Withdraw)] = SupportRequestStatus.Withdrawn,
            [(SupportRequestStatus.Approved, SupportMove.Done)] = SupportRequestStatus.Done,
            [(SupportRequestStatus.Approved, SupportMove.LinkEvent)] = SupportRequestStatus.Approved,
        };

    /// <summary>Who makes each move (submit is the request's creation, not a move of a stored request).</summary>
    public static readonly IReadOnlyDictionary<SupportMove, Actor> Actors = new Dictionary<SupportMove, Actor>
    {
        [SupportMove.Edit] = Actor.AskingDepartment,
        [SupportMove.Approve] = Actor.Office,
        [SupportMove.Decline] = Actor.Office,
        [SupportMove.Done] = Actor.Office,
        [SupportMove.Withdraw] = Actor.AskingDepartment,
        [SupportMove.LinkEvent] = Actor.AskingDepartment,
    };

    /// <summary>Where the move leads from this state; a 409 naming both when the move is not legal there.</summary>
    public static SupportRequestStatus Target(SupportRequestStatus from, SupportMove move) =>
        Legal.TryGetValue((from, move), out var to)
            ? to
            : throw ProblemException.Conflict(Texts.Get("network.support.thisMoveIsNotAllowed", StatusName(from), StatusName(Leads(move)), MoveName(move)));

    /// <summary>The state a move leads to (each move leads to one state, whatever it starts from).</summary>
    public static SupportRequestStatus Leads(SupportMove move) => Legal.First(k => k.Key.Move == move).Value;

    /// <summary>The moves a caller may make now: legal from the state, and theirs to make.</summary>
    public static IReadOnlyList<SupportMove> Allowed(SupportRequestStatus from, bool isOffice, bool isAskingDepartment) =>
        Legal.Keys
            .Where(k => k.From == from)
            .Select(k => k.Move)
            .Where(m => Actors[m] == Actor.Office ? isOffice : isAskingDepartment)
            .Order()
            .ToList();

    /// <summary>A state as stored: <c>submitted</c>.</summary>
    public static string Db(SupportRequestStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    /// <summary>A help kind as stored: <c>funding</c>.</summary>
    public static string Db(SupportHelp help) => JsonNamingPolicy.CamelCase.ConvertName(help.ToString());

    private static string StatusName(SupportRequestStatus status) => status switch
    {
        SupportRequestStatus.Submitted => Texts.Get("network.support.statusSubmitted"),
        SupportRequestStatus.Approved => Texts.Get("network.support.statusApproved"),
        SupportRequestStatus.Declined => Texts.Get("network.support.statusDeclined"),
        SupportRequestStatus.Done => Texts.Get("network.support.statusDone"),
        _ => Texts.Get("network.support.statusWithdrawn"),
    };

    private static string MoveName(SupportMove move) => move switch
    {
        SupportMove.Edit => Texts.Get("network.support.moveEdit"),
        SupportMove.Approve => Texts.Get("network.support.moveApprove"),
        SupportMove.Decline => Texts.Get("network.support.moveDecline"),
        SupportMove.Done => Texts.Get("network.support.moveDone"),
        SupportMove.Withdraw => Texts.Get("network.support.moveWithdraw"),
        _ => Texts.Get("network.support.moveLinkEvent"),
    };
}
