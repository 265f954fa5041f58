using System.Diagnostics;
using Assistant.Benchmarks.Load;
using Assistant.Tests.Fakes;

namespace Assistant.Benchmarks.Capture;

/// <summary>
/// A member recording findings as fast as they can read: sends /finding, then reacts to every reply with the
/// <see cref="FindingPersona"/> table (the newest message that asks something), until the assistant says the
/// finding is saved. No pause between steps: this is the assistant at full speed, one person per chat.
/// </summary>
public sealed class ReactiveMember(long userId, FakeBotApi api, ChatInbox inbox, CaptureTally tally)
{
    /// <summary>Longest wait for the reply to one step before the member gives up on that finding.</summary>
    public static readonly TimeSpan ReplyLimit = TimeSpan.FromSeconds(60);

    /// <summary>More actions than this for one finding means the member is going round in circles.</summary>
    private const int MaxActions = 40;

    public async Task RunAsync(IReadOnlyList<FindingPersona> findings)
    {
        foreach (var finding in findings)
        {
            await RecordAsync(finding);
        }
    }

    private async Task RecordAsync(FindingPersona finding)
    {
        inbox.Forget(inbox.Mark());
        var reaction = Reaction.Type("/finding", "/finding");
        var on = 0;
        for (var actions = 1; actions <= MaxActions; actions++)
        {
            var mark = inbox.Mark();
            var start = Stopwatch.GetTimestamp();
            if (reaction.Button is { } button)
            {
                api.EnqueueCallback(userId, userId, on, button.CallbackData!);
            }
            else
            {
                api.EnqueueText(userId, userId, reaction.Text!);
            }

            tally.Acted();
            if (await inbox.WaitAsync(mark, m => finding.Decide(m) is not null, ReplyLimit) is not { } first)
            {
                tally.Problem($"user {userId}: no reply to '{reaction.Step}' within {ReplyLimit.TotalSeconds:F0}s");
                await CancelAsync();
                return;
            }

            tally.Replied(reaction.Step, start, first.Timestamp);

            // Read the newest message that asks something (more may have come with the first).
            var newest = inbox.Latest(mark, m => finding.Decide(m) is not null) ?? first.Message;
            var next = finding.Decide(newest)!;
            if (next.Done)
            {
                tally.Saved(actions);
                return;
            }

            reaction = next;
            on = newest.MessageId;
        }

        tally.Problem($"user {userId}: no save after {MaxActions} actions, last step '{reaction.Step}'");
        await CancelAsync();
    }

    private async Task CancelAsync()
    {
        var mark = inbox.Mark();
        api.EnqueueText(userId, userId, "/cancel");
        await inbox.WaitAsync(mark, _ => true, ReplyLimit);
    }
}
