using System.Text;
using Alumni.Api.Features.Newsletters.Bounces;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Newsletters;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Alumni.Api.Tests.Newsletters.PreferenceTestData;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>
/// Delivery status notifications (RFC 3464) as the bounce mailbox holds them, read without IMAP: failed with 5.x.x is a
/// hard bounce, 4.x.x or delayed a soft one, delivered no bounce; the campaign comes from the returned headers. The
/// samples follow the RFC's appendix examples.
/// </summary>
public sealed class DsnReportTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>RFC 3464 appendix C.1: a simple DSN, one recipient failed for good.</summary>
    private const string SimpleFailure = """
        Date: Thu, 7 Jul 1994 17:16:05 -0400
        From: Mail Delivery Subsystem <MAILER-DAEMON@CS.UTK.EDU>
        Message-Id: <199407072116.RAA14128@CS.UTK.EDU>
        Subject: Returned mail: Cannot send message for 5 days
        To: <owner-info-mime@cs.utk.edu>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
            boundary="RAA14128.773615765/CS.UTK.EDU"

        --RAA14128.773615765/CS.UTK.EDU

        The original message was received at Sat, 2 Jul 1994 17:10:28 -0400
        from root@localhost

            ----- The following addresses had delivery problems -----
        <louisl@larry.slip.umd.edu>  (unrecoverable error)

        --RAA14128.773615765/CS.UTK.EDU
        content-type: message/delivery-status

        Reporting-MTA: dns; cs.utk.edu

        Original-Recipient: rfc822;louisl@larry.slip.umd.edu
        Final-Recipient: rfc822;louisl@larry.slip.umd.edu
        Action: failed
        Status: 5.0.0 (permanent failure)
        Diagnostic-Code: smtp;
          550 'louisl@larry.slip.umd.edu' is not a registered gateway user
        Remote-MTA: dns; vs1.slip.umd.edu

        --RAA14128.773615765/CS.UTK.EDU
        content-type: text/rfc822-headers

        Return-Path: <owner-info-mime@cs.utk.edu>
        From: The Office <news@alumni.test>
        To: louisl@larry.slip.umd.edu
        Subject: News
        List-Unsubscribe: <https://alumni.test/api/newsletters/unsubscribe/TOKEN>, <mailto:unsubscribe@alumni.test?subject=unsubscribe-TOKEN>

        --RAA14128.773615765/CS.UTK.EDU--
        """;

    /// <summary>RFC 3464 appendix C.2 and C.3 together: several recipients, one failed, one delayed, one delivered.</summary>
    private const string MultipleRecipients = """
        Date: Fri, 8 Jul 1994 09:21:47 -0400
        From: Mail Delivery Subsystem <MAILER-DAEMON@CS.UTK.EDU>
        Subject: Returned mail: User unknown
        To: <owner-ietf-mime@cs.utk.edu>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
            boundary="JAA13167.773673707/CS.UTK.EDU"

        --JAA13167.773673707/CS.UTK.EDU
        content-type: text/plain; charset=us-ascii

            ----- The following addresses had delivery problems -----
        <arathib@vnet.ibm.com>  (unrecoverable error)

        --JAA13167.773673707/CS.UTK.EDU
        content-type: message/delivery-status

        Reporting-MTA: dns; cs.utk.edu

        Original-Recipient: rfc822;arathib@vnet.ibm.com
        Final-Recipient: rfc822;arathib@vnet.ibm.com
        Action: failed
        Status: 5.0.0 (permanent failure)
        Diagnostic-Code: smtp; 550 'arathib@vnet.IBM.COM' is not a
          registered gateway user

        Original-Recipient: rfc822;johnh@hpnjld.njd.hp.com
        Final-Recipient: rfc822;johnh@hpnjld.njd.hp.com
        Action: delayed
        Status: 4.0.0 (hpnjld.njd.jp.com: host name lookup failure)

        Original-Recipient: rfc822;wsnell@sdcc13.ucsd.edu
        Final-Recipient: rfc822;wsnell@sdcc13.ucsd.edu
        Action: delivered
        Status: 2.0.0

        Final-Recipient: rfc822;Full.Mailbox@Example.ORG
        Action: failed
        Status: 4.2.2
        Diagnostic-Code: smtp; 452 4.2.2 Mailbox full

        --JAA13167.773673707/CS.UTK.EDU
        content-type: message/rfc822

        From: The Office <news@alumni.test>
        Subject: News

        Hello.

        --JAA13167.773673707/CS.UTK.EDU--
        """;

    private const string NotAReport = """
        From: Someone <someone@example.org>
        To: bounces@alumni.test
        Subject: Out of office
        Content-Type: text/plain

        Action: failed
        Status: 5.1.1
        """;

    private static MimeMessage Parse(string text) =>
        MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(text.ReplaceLineEndings("\r\n"))));

    [Fact]
    public void A_permanent_failure_is_a_hard_bounce_with_the_servers_words()
    {
        var bounce = Assert.Single(DsnReport.Bounces(Parse(SimpleFailure)));

        Assert.Equal(("louisl@larry.slip.umd.edu", BounceKind.Hard), (bounce.Email, bounce.Kind));
        Assert.Equal("550 'louisl@larry.slip.umd.edu' is not a registered gateway user", bounce.Reason);
    }

    [Fact]
    public void Each_recipient_is_judged_by_its_action_and_status()
    {
        var bounces = DsnReport.Bounces(Parse(MultipleRecipients));

        Assert.Equal(
            [("arathib@vnet.ibm.com", BounceKind.Hard), ("johnh@hpnjld.njd.hp.com", BounceKind.Soft), ("full.mailbox@example.org", BounceKind.Soft)],
            bounces.Select(b => (b.Email, b.Kind)));
        Assert.Equal("4.0.0", bounces[1].Reason);
        Assert.Equal("452 4.2.2 Mailbox full", bounces[2].Reason);
    }

    [Fact]
    public void Mail_that_is_no_delivery_report_is_no_bounce()
    {
        Assert.Empty(DsnReport.Bounces(Parse(NotAReport)));
        Assert.Null(DsnReport.UnsubscribeToken(Parse(NotAReport)));
    }

    [Fact]
    public void The_returned_headers_give_the_unsubscribe_token_and_none_without_them()
    {
        Assert.Equal("TOKEN", DsnReport.UnsubscribeToken(Parse(SimpleFailure)));
        Assert.Null(DsnReport.UnsubscribeToken(Parse(MultipleRecipients)));
    }

    [Fact]
    public async Task A_report_read_from_the_mailbox_records_its_bounces_with_the_campaign_and_stops_mail()
    {
        var topics = await TopicsAsync(api);
        var member = await MemberAsync(api);
        var campaign = await CampaignAsync(api, topics.Central);
        var token = await TokenAsync(api, member.MemberId, campaign);
        var report = SimpleFailure.Replace("louisl@larry.slip.umd.edu", member.Email, StringComparison.Ordinal).Replace("TOKEN", token, StringComparison.Ordinal);
        var mailbox = api.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<BounceMailbox>().Single();

        Assert.Equal(1, await mailbox.RecordAsync(Parse(report), Ct));
        Assert.Equal(0, await mailbox.RecordAsync(Parse(NotAReport), Ct));

        var rows = await RowsAsync<BounceRow>(api, "SELECT kind AS Kind, source AS Source, campaign_id AS CampaignId FROM newsletter_bounces WHERE email = @Email",
            new { member.Email });
        Assert.Equal([("hard", "dsn", (Guid?)campaign)], rows.Select(r => (r.Kind, r.Source, r.CampaignId)));
        Assert.False(await OnTopicAsync(api, member.MemberId, topics.Central));
    }

    private sealed record BounceRow
    {
        public string Kind { get; init; } = "";
        public string Source { get; init; } = "";
        public Guid? CampaignId { get; init; }
    }
}
