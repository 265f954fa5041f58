using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Messaging;
using Assistant.Core.Notes;
using Assistant.Core.Reminders;
using Assistant.Core.Schedule;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using Assistant.Tests.Findings;
using Assistant.Tests.Ledger;
using Assistant.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Assistant.Tests.Fuzz;

/// <summary>
/// Drives the real core with a seeded random sequence of updates (commands, buttons, forged and
/// replayed buttons, text, photos, locations, time passing with reminders and jobs, restarts, group
/// chats, two teams and a stranger) and checks after every step: the update was handled (no
/// exception, no apology) and nothing was logged at Error; every saved finding still exists with its
/// code, numbers per team run 1..n, at most one finding is saved per update and only from its
/// author's open finding draft; only the acting user's draft changes and a button of another draft
/// never moves the presser's own; text the fuzzer typed (marked MKnnnnn) reaches only its own team
/// and, once held by records, only those the records allow (covert findings, covert visits marked
/// SKnnnnn, tips; nothing covert in a group), in message text, button labels and files alike.
/// Everything random comes from one <see cref="Random"/> seeded with <see cref="Seed"/>, so a
/// failure replays exactly.
/// </summary>
internal sealed partial class FlowFuzzer : IDisposable
{
    // Team A (G7) is LedgerTests.Team: leader 901, liaison 902, members 903 and 904, contacts 905 and 906.
    private const long BLeader = 951;
    private const long BLiaison = 952;
    private const long BMember = 953;
    private const long BContact = 955;
    private const long Stranger = 999;
    private const long GroupA = -1007;
    private const long GroupB = -1008;
    private const long GroupUnlinked = -1009;

    private static readonly long[] TeamAUsers = [LedgerTests.Leader, LedgerTests.Liaison, LedgerTests.Author, LedgerTests.Colleague, LedgerTests.Contact, LedgerTests.OtherContact];
    private static readonly long[] TeamBUsers = [BLeader, BLiaison, BMember, BContact];
    private static readonly long[] Recorders = [LedgerTests.Leader, LedgerTests.Liaison, LedgerTests.Author, LedgerTests.Colleague, BLeader, BMember];
    private static readonly long[] PrivateUsers = [.. TeamAUsers, .. Recorders, .. TeamBUsers, Stranger];
    private static readonly long[] Groups = [GroupA, GroupA, GroupB, GroupUnlinked];

    private static readonly string[] Commands =
    [
        "/finding", "/finding", "/finding", "/note 现场记录一条", "/notes", "/mine", "/findings", "/cancel", "/cancel",
        "/today", "/tomorrow", "/week", "/next", "/schedule", "/schedule 11-03", "/schedule 明天", "/schedule add", "/schedule export",
        "/ledger", "/overdue", "/due", "/stats", "/export", "/summary", "/report", "/tally", "/help", "/lang en", "/lang zh-CN",
        "/members", "/quiet", "/start", "/start abc123", "/linkgroup", "/foo", "/FINDING", "/finding@AssistantBot", "/finding@OtherBot",
        "/note", "/finding G7-999", "/finding 不存在", "/schedule 13-45", "/lang xx", "/invite", "/plan", "/merge", "/merge G7-001", "/leads",
    ];

    private static readonly string[] GroupCommands =
    [
        "/today", "/next", "/schedule", "/week", "/ledger", "/overdue", "/due", "/stats", "/summary", "/report", "/help",
        "/findings", "/mine", "/notes", "/finding", "/linkgroup", "/foo", "/cancel", "/schedule export", "/export", "/plan", "/merge G7-001 G7-002", "/leads",
    ];

    private static readonly string[] Texts =
    [
        "", " ", "  \n  ", "0", "1", "2", "3", "4", "7", "99", "-1", "1.5", "11-20", "11月20日", "明天", "今天", "后天", "2023-11-05",
        "14:30", "25:99", "02-30", "跳过", "确认", "保存", "取消", "下一步", "描述完成", "无证据", "明查", "暗访", "是", "否", "yes", "skip", "done",
        "<b>&amp;</b><script>alert(1)</script>", "a&b<c>d\"e'f", "长沙市望城区", "化工园区东门", "甲类仓库与办公楼防火间距不足", "《判定标准》第一条",
        "😀🔥", "/", "//", "\u200b", "\t", "null", "undefined", "%s%d{0}", "SELECT * FROM findings;",
    ];

    private static readonly string[] Backward = ["取消", "放弃", "返回", "编辑", "修改", "Cancel", "Back", "Edit", "Change", "Discard"];

    private static readonly string[] Forward = ["保存", "确认", "下一步", "完成", "无证据", "Save", "Confirm", "Next", "Done", "No evidence"];

    private static readonly int[] Minutes = [1, 5, 30, 60, 180, 600, 1440];

    private readonly Random _random;
    private readonly TempFolder _folder = new();
    private readonly Dictionary<long, int?> _homeTeam = [];
    private readonly Dictionary<long, List<OutboxButton>> _keyboards = [];
    private readonly List<string> _seenData = [];
    private readonly Dictionary<string, long> _typedMarkers = [];
    private readonly Dictionary<string, int> _scheduleMarkers = [];
    private readonly HashSet<string> _publicMarkers = [];
    private readonly HashSet<(int Id, int Revision)> _openRevisions = [];
    private readonly Dictionary<int, int> _mergedInto = [];
    private List<Record>? _records;
    private readonly Dictionary<int, Finding> _findings = [];
    private readonly Queue<string> _trace = new();
    private readonly int _traceLength;
    private readonly int _leadShare;
    private readonly int _teamA;
    private readonly int _teamB;
    private CoreHarness _h;
    private long _lastOutboxId;
    private int _markers;
    private int _files;
    private IncomingUpdate? _lastUpdate;
    private long _actor = LedgerTests.Author;

    /// <param name="seed">Everything random follows from it.</param>
    /// <param name="traceLength">How many of the last steps to keep for the failure message (and <see cref="Trace"/>).</param>
    /// <param name="leadShare">Per mille of steps spent on leads on top of the usual mix (<see cref="LeadStep"/>), for a run about leads.</param>
    public FlowFuzzer(int seed, int traceLength = 40, int leadShare = 0)
    {
        _traceLength = traceLength;
        _leadShare = leadShare;
        Seed = seed;
        _random = new Random(seed);
        _h = LedgerTests.Team(out var a, CoreHarness.DefaultStart, _folder);
        var b = _h.CreateTeam("第八组", "广东省", "G8");
        _h.AddMember(b, BLeader, Role.Leader, "钱组长");
        _h.AddMember(b, BLiaison, Role.Liaison, "孙联络");
        _h.AddMember(b, BMember, Role.Member, "周组员");
        _h.AddMember(b, BContact, Role.Contact, "吴责任人");
        _teamA = a.Id;
        _teamB = b.Id;
        foreach (var user in TeamAUsers)
        {
            _homeTeam[user] = _teamA;
        }

        foreach (var user in TeamBUsers)
        {
            _homeTeam[user] = _teamB;
        }

        _homeTeam[Stranger] = null;
        SeedSchedule(a, b);
        _h.Send(LedgerTests.Leader, "/linkgroup", GroupA, ChatKind.Group);
        _h.Send(BLeader, "/linkgroup", GroupB, ChatKind.Group);
        AfterStep(null, Drafts(), null);
    }

    public int Seed { get; }

    public int Step { get; private set; }

    public FuzzStats Stats { get; } = new();

    /// <summary>The last steps taken, one a line.</summary>
    public string Trace => string.Join("\n", _trace);

    public async Task RunAsync(int steps)
    {
        for (Step = 1; Step <= steps; Step++)
        {
            await StepAsync();
        }

        Step++;
        Restart();
        Stats.CovertFindings = _findings.Values.Count(f => Current(f.Id)?.Covert == true);
        Stats.Assigned = _findings.Values.Count(f => Current(f.Id)?.ResponsibleContactId is not null);
        Stats.CovertNotes = _h.Get<AssistantDatabase>().Collection<Note>(NoteStore.CollectionName).Count(n => n.Covert);
    }

    public void Dispose()
    {
        _h.Dispose();
        _folder.Dispose();
    }

    private async Task StepAsync()
    {
        var roll = _random.Next(1000);

        // Mostly the same user as before, so flows get far enough to save; sometimes anyone.
        var user = _random.Next(10) < 7 ? _actor : Pick(PrivateUsers);
        _actor = user;
        if (_leadShare > 0 && _random.Next(1000) < _leadShare)
        {
            LeadStep(user);
            return;
        }

        switch (roll)
        {
            case < 150:
                Send(user, Command(user), "command");
                break;
            case < 280:
                PressOwn(user);
                break;
            case < 430:
                Cooperate(_random.Next(2) == 0 ? user : Pick(Recorders));
                break;
            case < 470:
                PressForged(user);
                break;
            case < 510:
                if (_seenData.Count > 0)
                {
                    var data = Pick(_seenData);
                    Dispatch(Callback(user, data, user, ChatKind.Private), $"{user} replays old button [{data}]");
                }

                break;
            case < 640:
                Send(user, RandomText(user), "text");
                break;
            case < 680:
                TypeLabel(user);
                break;
            case < 720:
                var photo = FindingFlowTests.Photo(user, $"photo-{++_files}");
                if (_random.Next(3) == 0)
                {
                    photo = photo with { Text = Marker(user, "照片说明") };
                }

                Dispatch(photo, $"{user} sends a photo [{photo.Text}]");
                break;
            case < 735:
                Dispatch(CoreHarness.Text(user, "") with { Text = null, Location = new GeoPoint(28.2 + _random.NextDouble(), 112.9) }, $"{user} shares a location");
                break;
            case < 745:
                Dispatch(CoreHarness.Text(user, "") with { Text = null, Files = [new IncomingFile(_random.Next(2) == 0 ? FileKind.Voice : FileKind.Sticker, $"file-{++_files}")] }, $"{user} sends a voice message or sticker");
                break;
            case < 755:
                Dispatch(CoreHarness.Text(user, RandomText(user)) with { Kind = UpdateKind.EditedMessage }, $"{user} edits an earlier message");
                break;
            case < 810:
                await AdvanceTimeAsync();
                break;
            case < 815:
                Restart();
                break;
            case < 890:
                InGroup();
                break;
            case < 930:
                LeadStep(user);
                break;
            case < 950:
                if (_lastUpdate is not null)
                {
                    Redeliver(_lastUpdate);
                }

                break;
            default:
                Send(user, "/finding " + ExistingCode(), "look up a finding");
                break;
        }
    }

    // ---- Actions ----

    private string Command(long user)
    {
        var command = Pick(Commands);
        return _random.Next(10) switch
        {
            0 => "/note " + Marker(user, "记录"),
            1 => "/finding " + ExistingCode(),
            2 => "/merge " + ExistingCode() + " " + ExistingCode(),
            _ => command,
        };
    }

    /// <summary>/merge of two of the user's team's findings (covert with covert or open with open, mostly), then its confirmation.</summary>
    private void MergeTwo(long user)
    {
        // Mostly the team's leader (only the leader and the liaison may merge); sometimes whoever acts, to be refused.
        if (_random.Next(3) > 0)
        {
            user = _homeTeam[user] == _teamA ? LedgerTests.Leader : BLeader;
        }

        var ofTeam = _findings.Values.Where(f => f.TeamId == _homeTeam[user]).ToList();
        var source = Pick(ofTeam);
        var alike = ofTeam.Where(f => f.Id != source.Id && (f.Covert == source.Covert || _random.Next(4) == 0)).ToList();
        var target = alike.Count > 0 ? Pick(alike) : Pick(ofTeam);
        Send(user, $"/merge {source.Code} {target.Code}", "merges");
        var confirm = _keyboards.TryGetValue(user, out var shown) ? shown.FirstOrDefault(b => b.Data.StartsWith("mg:c:", StringComparison.Ordinal)) : null;
        if (confirm is not null)
        {
            Dispatch(Callback(user, confirm.Data, user, ChatKind.Private), $"{user} confirms the merge [{confirm.Data}]");
        }
    }

    private string ExistingCode()
    {
        var team = _random.Next(3) == 0 ? "G8" : "G7";
        var number = _random.Next(1, Math.Max(2, _findings.Count + 2));
        var code = string.Create(CultureInfo.InvariantCulture, $"{team}-{number:000}");
        return _random.Next(4) == 0 ? code.ToLowerInvariant() : code;
    }

    private string RandomText(long user) => _random.Next(10) switch
    {
        < 4 => Marker(user, Pick(["被检查单位", "某化工有限公司", "仓库防火间距不足", "望城区", "整改说明"])),
        4 => new string('长', _random.Next(300, 5000)),
        _ => Pick(Texts),
    };

    /// <summary>A text with a fresh marker (MK and five digits) that remembers who typed it.</summary>
    private string Marker(long user, string around)
    {
        var marker = string.Create(CultureInfo.InvariantCulture, $"MK{++_markers:00000}");
        _typedMarkers[marker] = user;
        return $"{around}{marker}号";
    }

    private void PressOwn(long user)
    {
        if (!_keyboards.TryGetValue(user, out var buttons) || buttons.Count == 0)
        {
            Send(user, Command(user), "command (no buttons)");
            return;
        }

        var button = Pick(buttons);
        Dispatch(Callback(user, button.Data, user, ChatKind.Private), $"{user} presses '{button.Label}' [{button.Data}]");
    }

    /// <summary>
    /// Moves the user's open flow on sensibly for a few answers (a forward button of the current
    /// question, or text where text is asked), or starts a finding; so that findings, covert ones
    /// among them, actually get saved.
    /// </summary>
    private void Cooperate(long user)
    {
        for (var answers = _random.Next(1, 8); answers > 0; answers--)
        {
            var draft = _h.Get<DraftStore>().Get(user);
            if (draft is null)
            {
                // Sometimes a step of the rectification ledger (assign, fix, verify) from a card or the ledger.
                var ledger = _keyboards.TryGetValue(user, out var shown) ? shown.Where(b => b.Data.StartsWith("lg:", StringComparison.Ordinal)).ToList() : [];
                if (ledger.Count > 0 && _random.Next(2) == 0)
                {
                    var actions = ledger.Where(b => !b.Data.StartsWith("lg:v:", StringComparison.Ordinal) && !b.Data.StartsWith("lg:p:", StringComparison.Ordinal)).ToList();
                    var step = actions.Count > 0 && _random.Next(3) > 0 ? Pick(actions) : Pick(ledger);
                    Dispatch(Callback(user, step.Data, user, ChatKind.Private), $"{user} presses '{step.Label}' [{step.Data}]");
                }
                else
                {
                    switch (_random.Next(6))
                    {
                        case 3 when _findings.Values.Count(f => f.TeamId == _homeTeam[user]) >= 2:
                            MergeTwo(user);
                            break;
                        case 0:
                            Send(user, "/note " + Marker(user, "记录"), "starts");
                            break;
                        case 1:
                            Send(user, _random.Next(2) == 0 ? "/ledger" : "/finding " + ExistingCode(), "opens the ledger");
                            break;
                        case 2 when _findings.Values.Any(f => f.TeamId == _homeTeam[user]):
                            // A step of a finding's ledger card (the card shows the steps the reader may take).
                            var finding = Current(Pick(_findings.Values.Where(f => f.TeamId == _homeTeam[user]).Select(f => f.Id).Order().ToList()))!;
                            var code = Pick(["a", "a", "s", "f", "ok", "r", "x", "fs"]);
                            var stepData = string.Create(CultureInfo.InvariantCulture, $"lg:{code}:{finding.Id}:{finding.Revision}");
                            Dispatch(Callback(user, stepData, user, ChatKind.Private), $"{user} presses ledger step [{stepData}] of {finding.Code}");
                            break;
                        default:
                            Send(user, "/finding", "starts");
                            break;
                    }
                }

                continue;
            }

            var forward = draft.Buttons.Where(b => !Backward.Any(w => b.Label.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
            var preferred = forward.Where(b => Forward.Any(w => b.Label.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
            if (forward.Count == 0 || (preferred.Count == 0 && _random.Next(3) == 0))
            {
                // Mostly text to remember; sometimes a date, for the deadline questions.
                var answer = _random.Next(3) == 0 ? Pick(["11-20", "明天", "11月25日", "2023-11-28", "12-01"]) : Marker(user, Pick(["被检查单位", "某化工有限公司", "仓库防火间距不足", "望城区", "整改说明"]));
                Send(user, answer, "answers");
                continue;
            }

            var choice = preferred.Count > 0 && _random.Next(4) > 0 ? Pick(preferred) : Pick(forward);
            var data = string.Create(CultureInfo.InvariantCulture, $"f:{draft.Nonce}.{draft.Step}:{choice.Value}");
            var button = _keyboards.TryGetValue(user, out var buttons) ? buttons.FirstOrDefault(b => b.Data == data) : null;
            if (button is null)
            {
                Send(user, choice.Label, "types the answer");
            }
            else
            {
                Dispatch(Callback(user, button.Data, user, ChatKind.Private), $"{user} answers '{button.Label}' [{button.Data}]");
            }
        }
    }

    private void PressForged(long user)
    {
        var others = _keyboards.Where(k => k.Key != user && k.Key > 0 && k.Value.Count > 0).OrderBy(k => k.Key).ToList();
        if (others.Count == 0)
        {
            PressOwn(user);
            return;
        }

        var (owner, buttons) = Pick(others);
        var button = Pick(buttons);
        Dispatch(Callback(user, button.Data, user, ChatKind.Private), $"{user} presses {owner}'s button '{button.Label}' [{button.Data}] (forged)", forgedFrom: owner);
    }

    private void TypeLabel(long user)
    {
        if (!_keyboards.TryGetValue(user, out var buttons) || buttons.Count == 0)
        {
            Send(user, RandomText(user), "text (no buttons)");
            return;
        }

        // A label naming a record (a schedule item, a unit) typed outside a flow becomes a note the
        // typist chose to write; that is not a leak, so such labels are not typed.
        var label = Pick(buttons).Label;
        if (MarkerPattern().IsMatch(label))
        {
            label = "跳过";
        }

        Send(user, _random.Next(4) == 0 ? label[(label.Length / 2)..] : label, "types a label");
    }

    private void InGroup()
    {
        var group = Pick(Groups);
        var members = group switch
        {
            GroupA => TeamAUsers,
            GroupB => TeamBUsers,
            _ => PrivateUsers,
        };
        var user = _random.Next(6) == 0 ? Pick(PrivateUsers) : Pick(members);
        var roll = _random.Next(10);
        if (roll < 3 && _keyboards.TryGetValue(group, out var buttons) && buttons.Count > 0)
        {
            var button = Pick(buttons);
            Dispatch(Callback(user, button.Data, group, ChatKind.Group), $"{user} presses '{button.Label}' [{button.Data}] in group {group}");
            return;
        }

        var text = roll < 8 ? Pick(GroupCommands) : RandomText(user);
        Dispatch(CoreHarness.Text(user, text, group, ChatKind.Group), $"{user} in group {group}: {Shorten(text)}");
    }

    private void Send(long user, string text, string what) =>
        Dispatch(CoreHarness.Text(user, text), $"{user} {what}: {Shorten(text)}");

    private static IncomingUpdate Callback(long user, string data, long chat, ChatKind kind) =>
        CoreHarness.Text(user, "", chat, kind) with { Kind = UpdateKind.Callback, Text = null, CallbackData = data, CallbackId = "cb", MessageId = 1 };

    private void Redeliver(IncomingUpdate update)
    {
        Log($"redelivery of {update.Key}");
        var drafts = Drafts();
        var outcome = _h.Dispatch(update);
        Check(outcome == DispatchOutcome.Duplicate, $"a redelivered update was handled again ({outcome})");
        AfterStep(null, drafts, null);
    }

    private async Task AdvanceTimeAsync()
    {
        var minutes = Pick(Minutes);
        Log($"time passes: {minutes} min");
        var drafts = Drafts();
        _h.Time.Advance(TimeSpan.FromMinutes(minutes));
        try
        {
            _h.Get<ReminderService>().RunOnce();
            await _h.Get<JobRunner>().RunDueAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            Fail("reminders or jobs threw: " + ex);
        }

        Stats.TimeSteps++;
        AfterStep(null, drafts, null);
    }

    private void Restart()
    {
        Log("restart");
        var drafts = Drafts();
        var logs = _h.Logs;
        var now = _h.Time.GetUtcNow();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _h.Dispose();
        CheckLogs(logs);
        _h = CoreHarness.Create(_folder, now);
        Stats.Restarts++;
        Stats.RestartMs += clock.ElapsedMilliseconds;
        AfterStep(null, drafts, null);
    }

    private void Dispatch(IncomingUpdate update, string description, long? forgedFrom = null)
    {
        Log(description);
        var drafts = Drafts();
        DispatchOutcome outcome = default;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            outcome = _h.Dispatch(update);
        }
        catch (Exception ex)
        {
            Fail("an exception escaped the dispatcher: " + ex);
        }

        Check(outcome is DispatchOutcome.Handled, $"the update ended {outcome} (apology or storage failure); logs:\n{ErrorLines(_h.Logs)}");
        _lastUpdate = update;
        Stats.Updates++;
        Stats.DispatchMs += clock.ElapsedMilliseconds;
        if (forgedFrom is not null)
        {
            Stats.Forged++;
        }

        AfterStep(update, drafts, forgedFrom);
    }

    // ---- Invariants ----

    private void AfterStep(IncomingUpdate? update, Dictionary<long, DraftSnapshot> draftsBefore, long? forgedFrom)
    {
        CheckLogs(_h.Logs);
        _records = null;
        var messages = NewMessages();
        CheckMessages(messages);
        var draftsAfter = Drafts();
        CheckDrafts(update, draftsBefore, draftsAfter, forgedFrom);
        CheckFindings(update, draftsBefore, draftsAfter, messages);
        CheckMerges();
        CheckLeads(update);
    }

    private void CheckLogs(LogCapture logs) =>
        Check(logs.ErrorCount == 0, "an error was logged: " + logs.Lines.FirstOrDefault(l => l.Level >= LogLevel.Error));

    private static string ErrorLines(LogCapture logs) =>
        string.Join("\n", logs.Lines.Where(l => l.Level >= LogLevel.Warning).TakeLast(5));

    private List<OutboxItem> NewMessages()
    {
        var items = _h.Get<AssistantDatabase>().Collection<OutboxItem>(Outbox.CollectionName)
            .Find(Where.Between("_id", _lastOutboxId + 1, long.MaxValue)).OrderBy(x => x.Id).ToList();
        if (items.Count > 0)
        {
            _lastOutboxId = items[^1].Id;
        }

        Stats.Messages += items.Count;
        return items;
    }

    private void CheckMessages(List<OutboxItem> items)
    {
        foreach (var item in items)
        {
            try
            {
                CatalogGuard.AssertNoMissingKeys(item.Html);
            }
            catch (Exception ex)
            {
                Fail($"a message to {item.ChatId} names a missing catalog key: {ex.Message}");
            }

            var buttons = item.Keyboard?.SelectMany(r => r).ToList() ?? [];
            foreach (var button in buttons)
            {
                Check(Encoding.UTF8.GetByteCount(button.Data) <= Button.MaxDataBytes, $"button data over 64 bytes: {button.Data}");
                Remember(button.Data);
            }

            // The buttons the member sees last: a new message's, or those a flow's card was edited to show.
            if (!item.KeyboardOnly && buttons.Count > 0)
            {
                _keyboards[item.ChatId] = buttons;
            }

            var content = Content(item, buttons);
            CheckLeadMessage(item, item.ChatId > 0 ? _h.Get<TeamStore>().GetMember(item.ChatId) : null, content);
            foreach (var marker in MarkerPattern().Matches(content).Select(m => m.Value).Distinct())
            {
                CheckMarker(item, marker, content);
            }
        }
    }

    private void Remember(string data)
    {
        if (_seenData.Count < 400)
        {
            _seenData.Add(data);
        }
        else
        {
            _seenData[_random.Next(_seenData.Count)] = data;
        }
    }

    /// <summary>Everything a recipient can read in a message: text, button labels and the text inside an attached file.</summary>
    private static string Content(OutboxItem item, List<OutboxButton> buttons)
    {
        var sb = new StringBuilder(item.Html);
        foreach (var button in buttons)
        {
            sb.Append('\n').Append(button.Label);
        }

        sb.Append('\n').Append(item.FileName);
        if (item.FileContent is { Length: > 0 } bytes)
        {
            if (bytes is [(byte)'P', (byte)'K', ..])
            {
                using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
                foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
                {
                    using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                    sb.Append('\n').Append(reader.ReadToEnd());
                }
            }
            else if (!item.FileAsPhoto)
            {
                sb.Append('\n').Append(Encoding.UTF8.GetString(bytes));
            }
        }

        return sb.ToString();
    }

    /// <summary>Who may read the marker: the typist's team only, and for covert records only those allowed to see them.</summary>
    private void CheckMarker(OutboxItem item, string marker, string content)
    {
        Stats.MarkerHits++;
        var teams = _h.Get<TeamStore>();
        var recipient = item.ChatId > 0 ? teams.GetMember(item.ChatId) : null;
        int? recipientTeam = item.ChatId > 0 ? recipient?.TeamId : teams.FindTeamByGroup(item.ChatId)?.Id;
        var where = $"marker {marker} reached chat {item.ChatId} ({item.Purpose}): {Shorten(Html.ToPlainText(content), 400)}";
        if (_typedMarkers.TryGetValue(marker, out var typist))
        {
            var typistTeam = _homeTeam[typist];
            if (typistTeam is null)
            {
                Check(item.ChatId == typist, "a stranger's text reached someone else: " + where);
                return;
            }

            Check(recipientTeam == typistTeam, $"team isolation: text typed by {typist} (team {typistTeam}) {where}");
            CheckAudience(marker, item, recipient, where);
            return;
        }

        if (_scheduleMarkers.TryGetValue(marker, out var itemId))
        {
            var scheduled = _h.Get<ScheduleStore>().Get(itemId)!;
            Check(recipientTeam == scheduled.TeamId, $"team isolation: schedule item of team {scheduled.TeamId} {where}");
            CheckAudience(marker, item, recipient, where);
            return;
        }

        Fail("unknown marker " + where);
    }

    /// <summary>
    /// The records holding the marker decide who may read it: a finding by <see cref="FindingVisibility"/>
    /// (covert: author, liaison, leader; contacts only their own), its change history likewise, a note
    /// by <see cref="NoteStore.CanSee"/> (tips: author, liaison, leader; written on a covert visit: author, its participants, liaison,
    /// leader; turned into a covert finding: as that finding), a schedule item by
    /// <see cref="ScheduleVisibility"/>. In a group only open findings, notes other than tips and covert notes and
    /// items that are not covert. Text in no record (a draft, a cancelled flow) is only held to its team.
    /// </summary>
    private void CheckAudience(string marker, OutboxItem item, Member? recipient, string where)
    {
        var inGroup = item.ChatId < 0;
        var holders = Records().Where(r => r.Text.Contains(marker, StringComparison.Ordinal)).ToList();
        if (holders.Count == 0)
        {
            return;
        }

        var allowed = holders.Any(r => inGroup ? r.GroupMay : recipient is not null && r.MemberMay(recipient));

        // Once in an open finding the text was the team's: making the finding covert later cannot recall it.
        allowed |= _publicMarkers.Contains(marker) && (inGroup || recipient is { Role: not Role.Contact });
        Stats.AudienceChecks++;
        Check(allowed, $"held by {string.Join(", ", holders.Select(r => r.Name))}: {where}");
    }

    /// <summary>Every record that can hold typed text, with who may read it; read once per step.</summary>
    private List<Record> Records()
    {
        if (_records is not null)
        {
            return _records;
        }

        var db = _h.Get<AssistantDatabase>();
        var mapper = db.Database.Mapper;
        var findings = AllFindings().ToDictionary(f => f.Id);
        _records = [];
        foreach (var finding in findings.Values)
        {
            _records.Add(new($"{finding.Code}{(finding.Covert ? " (covert)" : "")}", Json(mapper, finding), !finding.Covert, m => FindingVisibility.CanSee(m, finding)));
        }

        foreach (var change in db.Collection<FindingChange>(FindingStore.Changes).FindAll())
        {
            var finding = findings[change.FindingId];
            _records.Add(new($"history of {finding.Code}", change.OldValue + "\n" + change.NewValue, !finding.Covert, m => FindingVisibility.CanSee(m, finding)));
        }

        foreach (var note in db.Collection<Note>(NoteStore.CollectionName).FindAll())
        {
            var linked = note.FindingId is { } linkedId ? findings.GetValueOrDefault(linkedId) : null;
            // Covert notes (written on a covert visit) are checked against the visit's readers independently of the rule's code.
            _records.Add(new(
                $"note {note.Id} ({note.Kind}{(note.Covert ? ", covert" : "")}{(note.Deleted ? ", deleted" : "")})",
                note.Text + "\n" + note.TipSubject,
                note.Kind != NoteKind.Tip && !note.Covert && (note.FindingId is null || linked is { Covert: false }),
                m => NoteStore.CanSee(m, note, linked)
                    && (!note.Covert || m.Id == note.AuthorId || m.Role is Role.Leader or Role.Liaison || note.CovertParticipants.Contains(m.Id))));
        }

        foreach (var scheduled in _h.Get<ScheduleStore>().OfTeam(_teamA).Concat(_h.Get<ScheduleStore>().OfTeam(_teamB)))
        {
            _records.Add(new(
                $"schedule item {scheduled.Id}{(scheduled.IsCovert ? " (covert)" : "")}",
                scheduled.Title + "\n" + scheduled.Place + "\n" + scheduled.Notes,
                !scheduled.IsCovert,
                m => ScheduleVisibility.SeesDetails(m, scheduled, inGroup: false)));
        }

        AddLeadRecords(_records);
        return _records;
    }

    private static string Json(LiteDB.BsonMapper mapper, object value) => LiteDB.JsonSerializer.Serialize(mapper.ToDocument(value));

    private void CheckDrafts(IncomingUpdate? update, Dictionary<long, DraftSnapshot> before, Dictionary<long, DraftSnapshot> after, long? forgedFrom)
    {
        var actor = update?.UserId;
        foreach (var (user, draft) in after)
        {
            Check(_homeTeam.TryGetValue(user, out var team) && team is not null, $"user {user}, not a member, has a draft");
            Check(draft.Draft.TeamId == team, $"the draft of {user} is of team {draft.Draft.TeamId}, not {team}");
            Check(draft.Draft.ChatId == user, $"the draft of {user} belongs to chat {draft.Draft.ChatId}");
        }

        foreach (var user in before.Keys.Union(after.Keys))
        {
            if (user == actor)
            {
                continue;
            }

            before.TryGetValue(user, out var was);
            after.TryGetValue(user, out var now);
            Check(was?.Json == now?.Json, $"the draft of {user} changed when {(actor is null ? "nobody" : actor.ToString())} acted{(forgedFrom == user ? " with a button of theirs" : "")}:\nbefore {was?.Json}\nafter {now?.Json}");
        }

        // A button of another user's draft never moves the presser's own draft either.
        if (actor is { } a && forgedFrom is not null && update!.CallbackData is { } data
            && FlowTurn.TryParse(data, out var nonce, out _, out _)
            && before.TryGetValue(a, out var own) && own.Draft.Nonce != nonce)
        {
            after.TryGetValue(a, out var ownAfter);
            var expired = own.Draft.UpdatedUtc < _h.Time.GetUtcNow().UtcDateTime - _h.Get<ConversationEngine>().DraftTimeout;
            Check(
                (ownAfter is null && expired) || (ownAfter is not null && ownAfter.Draft.State == own.Draft.State && ownAfter.Data == own.Data),
                $"a forged button moved the presser's own draft:\nbefore {own.Json}\nafter {ownAfter?.Json}");
        }
    }

    private void CheckFindings(IncomingUpdate? update, Dictionary<long, DraftSnapshot> draftsBefore, Dictionary<long, DraftSnapshot> draftsAfter, List<OutboxItem> messages)
    {
        var all = AllFindings();
        var byId = all.ToDictionary(f => f.Id);
        foreach (var known in _findings.Values)
        {
            Check(byId.TryGetValue(known.Id, out var now), $"finding {known.Code} was lost");
            Check(
                now!.Code == known.Code && now.TeamId == known.TeamId && now.Number == known.Number && now.AuthorId == known.AuthorId && now.CreatedUtc == known.CreatedUtc,
                $"finding {known.Code} changed its identity: now {now.Code}, team {now.TeamId}, author {now.AuthorId}");
        }

        foreach (var teamId in new[] { _teamA, _teamB })
        {
            var teams = _h.Get<TeamStore>();
            var team = teams.GetTeam(teamId)!;
            var ofTeam = all.Where(f => f.TeamId == teamId).OrderBy(f => f.Number).ToList();
            for (var i = 0; i < ofTeam.Count; i++)
            {
                var expected = string.Create(CultureInfo.InvariantCulture, $"{team.Code}-{i + 1:000}");
                Check(ofTeam[i].Number == i + 1 && ofTeam[i].Code == expected, $"findings of {team.Code} are not numbered 1..n: {string.Join(", ", ofTeam.Select(f => f.Code))}");
            }

            Check(teams.LastFindingNumber(team.Id) == ofTeam.Count, $"team {team.Code} handed out {teams.LastFindingNumber(team.Id)} numbers for {ofTeam.Count} findings");
        }

        var mapper = _h.Get<AssistantDatabase>().Database.Mapper;
        foreach (var finding in all.Where(f => !f.Covert && _openRevisions.Add((f.Id, f.Revision))))
        {
            _publicMarkers.UnionWith(MarkerPattern().Matches(Json(mapper, finding)).Select(m => m.Value));
        }

        var created = all.Where(f => !_findings.ContainsKey(f.Id)).ToList();
        Check(created.Count <= 1, $"one update saved {created.Count} findings: {string.Join(", ", created.Select(f => f.Code))}");
        foreach (var finding in created)
        {
            Check(update is not null && update.UserId == finding.AuthorId, $"{finding.Code} was saved without its author acting");
            Check(
                draftsBefore.TryGetValue(finding.AuthorId, out var draft) && draft.Draft.Flow == FindingFlow.FlowName,
                $"{finding.Code} was saved without a finding draft (a replayed save?)");
            Check(!draftsAfter.TryGetValue(finding.AuthorId, out var left) || left.Draft.Nonce != draft!.Draft.Nonce, $"{finding.Code} was saved and its draft is still open");
            Check(
                messages.Any(m => m.ChatId == finding.AuthorId && m.Html.Contains(finding.Code, StringComparison.Ordinal)),
                $"{finding.Code} was saved and the author was not told its number");
            _findings[finding.Id] = finding;
            Stats.Saved++;
        }
    }

    /// <summary>
    /// A merged finding stays merged into the same finding, which exists, is of its team and is as covert as it, and its
    /// chain of merges ends in a finding of the team that is not merged; when a merge happens the finding it went into
    /// holds all of its evidence and its author.
    /// </summary>
    private void CheckMerges()
    {
        var byId = AllFindings().ToDictionary(f => f.Id);
        foreach (var (id, target) in _mergedInto)
        {
            Check(byId.TryGetValue(id, out var f) && f.MergedIntoId == target, $"finding {id} was merged into {target} and no longer is");
        }

        foreach (var source in byId.Values.Where(f => f.IsMerged))
        {
            Check(byId.TryGetValue(source.MergedIntoId!.Value, out var target), $"{source.Code} was merged into a finding that does not exist");
            Check(target!.TeamId == source.TeamId && target.Covert == source.Covert && target.Code == source.MergedIntoCode,
                $"{source.Code} was merged into {target.Code} (team {target.TeamId}, covert {target.Covert} vs {source.Covert})");

            // A merge of a merge is followed to the finding it now lives in: a chain of the team's findings, no loop.
            var end = target;
            for (var hops = 0; end.IsMerged; hops++)
            {
                Check(hops < byId.Count && byId.TryGetValue(end.MergedIntoId!.Value, out var next) && next.TeamId == source.TeamId, $"{source.Code}'s merges loop or leave the team at {end.Code}");
                end = byId[end.MergedIntoId!.Value];
            }
            if (_mergedInto.TryAdd(source.Id, target.Id))
            {
                var evidence = target.Evidence.Select(e => e.FileId).ToHashSet();
                Check(source.Evidence.All(e => evidence.Contains(e.FileId)), $"{source.Code}'s evidence did not reach {target.Code}");
                Check(target.AuthorId == source.AuthorId || target.Contributors.Any(c => c.UserId == source.AuthorId), $"{source.Code}'s author is not among {target.Code}'s authors");
                Stats.Merged++;
            }
        }
    }

    // ---- Helpers ----

    private List<Finding> AllFindings() =>
        [.. _h.Get<FindingStore>().OfTeam(_teamA), .. _h.Get<FindingStore>().OfTeam(_teamB)];

    private Finding? Current(int id) => _h.Get<FindingStore>().Get(id);

    private Dictionary<long, DraftSnapshot> Drafts()
    {
        var mapper = _h.Get<AssistantDatabase>().Database.Mapper;
        return _h.Get<DraftStore>().All().ToDictionary(
            d => d.Id,
            d => new DraftSnapshot(d, LiteDB.JsonSerializer.Serialize(mapper.ToDocument(d)), Answers(d)));
    }

    /// <summary>What the user answered so far: the draft's data without the offers, which asking again refreshes.</summary>
    private static string Answers(Draft draft)
    {
        var answers = new LiteDB.BsonDocument();
        foreach (var (key, value) in draft.Data.Where(x => x.Key != nameof(FindingDraft.Offered)))
        {
            answers[key] = value;
        }

        return LiteDB.JsonSerializer.Serialize(answers);
    }

    private void SeedSchedule(Team a, Team b)
    {
        // Covert visits with a distinctive marker in the title and the place, and open items to compare.
        AddItem(a, EventKind.CovertVisit, "暗访{0}液化气站", new DateTime(2023, 11, 2, 14, 0, 0), LedgerTests.Author);
        AddItem(a, EventKind.CovertVisit, "暗访{0}烟花仓库", new DateTime(2023, 11, 3, 9, 0, 0), LedgerTests.Colleague, LedgerTests.Liaison);
        AddItem(a, EventKind.SiteInspection, "检查{0}化工园区", new DateTime(2023, 11, 2, 10, 0, 0), LedgerTests.Author, LedgerTests.Colleague);
        AddItem(b, EventKind.CovertVisit, "暗访{0}码头", new DateTime(2023, 11, 2, 15, 0, 0), BMember);
        AddItem(b, EventKind.Briefing, "汇报会{0}", new DateTime(2023, 11, 3, 8, 30, 0), BLeader, BLiaison, BMember);
    }

    private void AddItem(Team team, EventKind kind, string title, DateTime localStart, params long[] participants)
    {
        var marker = string.Create(CultureInfo.InvariantCulture, $"SK{_scheduleMarkers.Count + 1:00000}");
        var item = new ScheduleItem
        {
            Kind = kind,
            Title = string.Format(CultureInfo.InvariantCulture, title, marker),
            Place = marker + "号院",
            StartUtc = Assistant.Core.Common.TimeZones.ToUtc(DateOnly.FromDateTime(localStart), TimeOnly.FromDateTime(localStart), Schedule.ScheduleTests.Shanghai),
            EndUtc = Assistant.Core.Common.TimeZones.ToUtc(DateOnly.FromDateTime(localStart), TimeOnly.FromDateTime(localStart.AddMinutes(120)), Schedule.ScheduleTests.Shanghai),
            Participants = [.. participants],
        };
        _h.Get<AssistantDatabase>().InTransaction(() => _h.Get<ScheduleService>().Import(team.Id, TeamAdministration.OperatorActor, [item], _h.Time.GetUtcNow().UtcDateTime));
        _scheduleMarkers[marker] = item.Id;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private void Log(string line)
    {
        _trace.Enqueue($"#{Step} {line}");
        if (_trace.Count > _traceLength)
        {
            _trace.Dequeue();
        }
    }

    private void Check(bool condition, string message)
    {
        if (!condition)
        {
            Fail(message);
        }
    }

    private void Fail(string message) =>
        Assert.Fail($"Fuzz seed {Seed}, step {Step}: {message}\nReplay: FUZZ_SEED={Seed} dotnet test --filter FlowFuzzTests\nLast steps:\n{Trace}");

    private static string Shorten(string text, int length = 60) =>
        text.Length <= length ? text.ReplaceLineEndings("⏎") : text[..length].ReplaceLineEndings("⏎") + $"…({text.Length})";

    [GeneratedRegex(@"(MK|SK)\d{5}")]
    private static partial Regex MarkerPattern();

    private sealed record Record(string Name, string Text, bool GroupMay, Func<Member, bool> MemberMay);

    private sealed record DraftSnapshot(Draft Draft, string Json, string Data);
}

/// <summary>What one fuzz run did, to show that the run exercised the flows.</summary>
internal sealed class FuzzStats
{
    public int Updates { get; set; }


    public long DispatchMs { get; set; }

    public long RestartMs { get; set; }

    public int Forged { get; set; }

    public int Restarts { get; set; }

    public int TimeSteps { get; set; }

    public int Messages { get; set; }

    public int Saved { get; set; }

    public int Merged { get; set; }

    public int CovertFindings { get; set; }

    public int CovertNotes { get; set; }

    public int Assigned { get; set; }

    public int MarkerHits { get; set; }

    public int AudienceChecks { get; set; }

    public int Leads { get; set; }

    public int ClosedLeads { get; set; }

    public int Reopened { get; set; }

    public int LeadChanges { get; set; }

    public int IdentityChecks { get; set; }

    public override string ToString() =>
        $"{Updates} updates in {DispatchMs} ms, restarts {RestartMs} ms; {Updates} updates ({Forged} forged), {TimeSteps} time steps, {Restarts} restarts, {Messages} messages, {Saved} findings saved ({CovertFindings} covert, {Assigned} assigned to a contact, {Merged} merged), {CovertNotes} covert notes, {MarkerHits} markers checked ({AudienceChecks} against their records); " +
        $"{Leads} leads ({ClosedLeads} closed, {Reopened} reopenings, {LeadChanges} changes checked against the audit), {IdentityChecks} planted identities seen in messages";
}
