using System.Diagnostics;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;

namespace Assistant.Benchmarks.Load;

/// <summary>
/// One team member at work: picks what to do by role, sends it through the fake Bot API, waits for the
/// answer (pressing buttons of the messages it got, as a person would), then pauses for a while.
/// Members: notes 35%, findings 15%, schedule 20%, ledger 15%, /stats 5%, /mine, /notes, /help 10%;
/// the leader and the liaison ask for the day's summary more than half the time;
/// rectification contacts mostly page through their ledger.
/// </summary>
public sealed class SimulatedPerson(Person person, FakeBotApi api, ChatInbox inbox, LoadTally tally, TimeSpan meanPause, int seed)
{
    /// <summary>Longest wait for an answer before it counts as lost.</summary>
    public static readonly TimeSpan ReplyLimit = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for the result of a background job (summary documents, stats chart).</summary>
    public static readonly TimeSpan JobLimit = TimeSpan.FromSeconds(60);

    /// <summary>The finding flow as a member goes through it: typed answers and button labels.</summary>
    private static readonly (bool Button, string Value)[] FindingSteps =
    [
        (false, "/finding"),
        (true, "安全生产责任落实"),
        (true, "危险化学品"),
        (true, "实地检查"),
        (true, "明查"),
        (false, "长沙市望城区"),
        (false, "长沙某化工有限公司"),
        (false, "甲类仓库与办公楼防火间距不足，约8米，规范要求不少于30米"),
        (true, "描述完成"),
        (true, "一般隐患"),
        (true, "保存"),
    ];

    private static readonly string[] Notes =
    [
        "座谈中了解到，望城区应急局反映乡镇监管力量不足，每个乡镇仅1名兼职安全员。",
        "调阅材料发现，2023年度安全生产考核细则未覆盖燃气行业。",
        "现场看到某企业消防通道堆放杂物，已当场提醒。",
        "下午与省住建厅座谈，城镇燃气专项整治推进较快。",
        "某化工园区封闭化管理已完成，但视频监控覆盖不全。",
        "明天需补充调阅省消防救援总队的火灾统计材料。",
    ];

    private static readonly string[] ScheduleCommands = ["/today", "/tomorrow", "/next", "/schedule"];
    private static readonly string[] LedgerCommands = ["/ledger", "/overdue", "/due"];
    private static readonly string[] OtherCommands = ["/mine", "/notes", "/help"];

    private readonly Random _random = new(seed);
    private CancellationToken _stop;

    public async Task RunAsync(CancellationToken stop)
    {
        _stop = stop;
        // Not everyone starts at the same moment: the first action comes anywhere in a first pause, so the
        // rate is steady from the start instead of one wave per pause.
        if (!await PauseAsync(_random.NextDouble() * meanPause.TotalSeconds, stop))
        {
            return;
        }

        while (!stop.IsCancellationRequested)
        {
            inbox.Forget(inbox.Mark());
            await ActAsync();
            if (!await PauseAsync(meanPause.TotalSeconds * (0.5 + _random.NextDouble()), stop))
            {
                return;
            }
        }
    }

    private Task ActAsync()
    {
        var roll = _random.Next(100);
        return person.Role switch
        {
            Role.Contact => roll < 80 ? LedgerAsync() : CommandAsync("mine/notes/help", "/help"),
            Role.Leader or Role.Liaison => roll switch
            {
                < 55 => SummaryAsync(),
                < 70 => NoteAsync(),
                < 80 => CommandAsync("schedule", Pick(ScheduleCommands)),
                < 90 => LedgerAsync(),
                < 95 => StatsAsync(),
                _ => CommandAsync("mine/notes/help", Pick(OtherCommands)),
            },
            _ => roll switch
            {
                < 35 => NoteAsync(),
                < 50 => FindingAsync(),
                < 72 => CommandAsync("schedule", Pick(ScheduleCommands)),
                < 87 => LedgerAsync(),
                < 92 => StatsAsync(),
                _ => CommandAsync("mine/notes/help", Pick(OtherCommands)),
            },
        };
    }

    private Task NoteAsync() => CommandAsync("note", Pick(Notes));

    private async Task CommandAsync(string category, string text) =>
        await SendAsync(category, text, () => api.EnqueueText(person.UserId, person.UserId, text));

    private async Task LedgerAsync()
    {
        var command = Pick(LedgerCommands);
        var mark = inbox.Mark();
        if (await SendAsync("ledger", command, () => api.EnqueueText(person.UserId, person.UserId, command)) is null || _random.Next(2) == 0)
        {
            return;
        }

        // Half the time, read on: press the next-page button of the page just received.
        var page = inbox.Latest(mark, m => m.Buttons.Any(IsNextPage));
        if (page is not null)
        {
            await PauseAsync(1 + _random.NextDouble(), CancellationToken.None);
            var data = page.Buttons.First(IsNextPage).CallbackData!;
            await SendAsync("ledger", "next page", () => api.EnqueueCallback(person.UserId, person.UserId, page.MessageId, data));
        }
    }

    private async Task StatsAsync()
    {
        var start = Stopwatch.GetTimestamp();
        var mark = inbox.Mark();
        if (await SendAsync("stats", "/stats", () => api.EnqueueText(person.UserId, person.UserId, "/stats")) is null)
        {
            return;
        }

        await JobResultAsync("stats chart (job)", "/stats chart", mark, start, m => m.Document is not null);
    }

    private async Task SummaryAsync()
    {
        var start = Stopwatch.GetTimestamp();
        var mark = inbox.Mark();
        if (await SendAsync("summary", "/summary", () => api.EnqueueText(person.UserId, person.UserId, "/summary")) is null)
        {
            return;
        }

        await JobResultAsync("summary documents (job)", "/summary documents", mark, start,
            m => m.Document?.FileName.EndsWith(".md", StringComparison.Ordinal) == true);
    }

    private async Task JobResultAsync(string category, string what, int mark, long start, Func<SentMessage, bool> match)
    {
        if (await inbox.WaitAsync(mark, match, JobLimit) is { } result)
        {
            tally.Answered(category, start, result.Timestamp, background: true);
        }
        else
        {
            tally.NoAnswer(category, person.UserId, what);
        }
    }

    /// <summary>The whole finding flow; every step waits for the question it answers, as a person reads it first.</summary>
    private async Task FindingAsync()
    {
        var mark = inbox.Mark();
        foreach (var (button, value) in FindingSteps)
        {
            if (_stop.IsCancellationRequested && value != FindingSteps[0].Value)
            {
                // Time is up: leave the flow as a person would, without saving.
                await SendAsync("finding step", "/cancel", () => api.EnqueueText(person.UserId, person.UserId, "/cancel"));
                return;
            }

            Action send;
            if (button)
            {
                var asked = await inbox.WaitAsync(mark, m => FindButton(m, value) is not null, ReplyLimit);
                if (asked is null)
                {
                    tally.FlowAbandoned(person.UserId, value);
                    await SendAsync("finding step", "/cancel", () => api.EnqueueText(person.UserId, person.UserId, "/cancel"));
                    return;
                }

                var data = FindButton(asked.Message, value)!.CallbackData!;
                send = () => api.EnqueueCallback(person.UserId, person.UserId, asked.Message.MessageId, data);
            }
            else
            {
                send = () => api.EnqueueText(person.UserId, person.UserId, value);
            }

            await PauseAsync(0.5 + _random.NextDouble(), CancellationToken.None);
            if (value == FindingSteps[^1].Value)
            {
                tally.SavePressed();
            }

            mark = inbox.Mark();
            if (await SendAsync("finding step", value, send) is null)
            {
                return;
            }
        }

        if (await inbox.WaitAsync(mark, m => m.PlainText?.Contains("已保存为", StringComparison.Ordinal) == true, ReplyLimit) is not null)
        {
            tally.FlowCompleted();
        }
        else
        {
            tally.Problem($"finding flow: user {person.UserId} got no confirmation of the save");
        }
    }

    /// <summary>Queues one update and waits for the first message the bot sends to the chat after it.</summary>
    private async Task<Arrival?> SendAsync(string category, string what, Action enqueue)
    {
        var mark = inbox.Mark();
        var start = Stopwatch.GetTimestamp();
        enqueue();
        tally.Sent();
        var first = await inbox.WaitAsync(mark, _ => true, ReplyLimit);
        if (first is null)
        {
            tally.NoAnswer(category, person.UserId, what);
            return null;
        }

        tally.Answered(category, start, first.Timestamp);
        return first;
    }

    private static InlineButton? FindButton(SentMessage message, string label) =>
        message.Buttons.FirstOrDefault(b => b.Text == label) ?? message.Buttons.FirstOrDefault(b => b.Text.Contains(label, StringComparison.Ordinal));

    private static bool IsNextPage(InlineButton button) => button.CallbackData?.StartsWith("lg:p:", StringComparison.Ordinal) == true && button.Text.Contains("下一页", StringComparison.Ordinal);

    private string Pick(string[] options) => options[_random.Next(options.Length)];

    private static async Task<bool> PauseAsync(double seconds, CancellationToken stop)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
