using Assistant.Core.Messaging;
using Assistant.Core.Teams;
using Assistant.Tests.Support;

namespace Assistant.Tests.Dispatching;

/// <summary>What a graceful stop leaves behind: nothing the channel already accepted is sent again.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public void Stop_RightAfterDeliveries_RemovesThemFromTheOutbox()
    {
        using var folder = new TempFolder();
        var h = CoreHarness.Create(folder);
        var team = h.CreateTeam();
        for (var user = 1; user <= 200; user++)
        {
            h.AddMember(team, 10_000 + user, Role.Member);
            h.Send(10_000 + user, "/help");
        }

        var outbox = h.Get<Outbox>();
        var queued = outbox.Pending();
        Assert.Equal(200, queued.Count);

        // The channel accepts every reply; the stop comes before the committer has removed them all.
        var deliveries = h.Get<DeliveryLog>();
        foreach (var entry in queued)
        {
            deliveries.Record(entry.Id);
        }

        h.Dispose();

        using var reopened = CoreHarness.Create(folder);
        Assert.Equal(0, reopened.Get<Outbox>().PendingCount());
    }
}
