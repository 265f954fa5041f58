using Assistant.Core.Dispatching;
using Assistant.Core.Messaging;
using Assistant.Core.Teams;
using Assistant.Tests.Findings;
using Assistant.Tests.Support;
using static Assistant.Tests.Hostile.HostileWorld;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Hostile;

/// <summary>
/// Hostile and malformed input, one row each: a setup, the input, the answer the user must get (a
/// fragment of it; null: the bot stays silent), and for every row: no exception escapes (the
/// outcome is not a failure and nothing is logged as an error) and nothing already stored changes.
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>One row of the table.</summary>
    /// <param name="Name">Row name (the theory's argument).</param>
    /// <param name="Setup">What is in place before the input (nothing of it is checked).</param>
    /// <param name="Act">The hostile input.</param>
    /// <param name="Chat">The chat whose answer is checked.</param>
    /// <param name="Expect">A fragment of the answer (plain text); null when the bot must stay silent.</param>
    /// <param name="Jobs">Run background jobs after the input (files are read in a job).</param>
    /// <param name="MayChange">Collections the input may legitimately touch (a flow's draft).</param>
    public sealed record Case(string Name, Action<HostileWorld> Setup, Func<HostileWorld, DispatchOutcome> Act, long Chat, string? Expect, bool Jobs = false, string[]? MayChange = null);

    private const string Specials = "_*[]()~`>#+-=|{}.!";
    private static readonly string TenThousand = new('隐', 10_000);
    private static readonly string HundredThousand = string.Concat(Enumerable.Repeat("长文本<b>&", 12_500));
    private const string CsvHeader = "日期,开始,结束,类型,事项,地点,参加人员,备注\n";
    private const string GoodRow = "2023-11-03,09:30,11:30,汇报会,听取湘潭市政府汇报,湘潭市人民政府,全体,\n";

    private static void Nothing(HostileWorld w)
    {
    }

    private static void WithFinding(HostileWorld w) => w.Finding = FindingFlowTests.Record(w.H, Author);

    private static void AtAspect(HostileWorld w) => w.H.Send(Author, "/finding");

    private static void AtCity(HostileWorld w)
    {
        w.H.Send(Author, "/finding");
        w.H.Press(Author, "安全生产责任落实");
        w.H.Press(Author, "危险化学品");
        w.H.Press(Author, "实地检查");
        w.H.Press(Author, "明查");
    }

    private static void AtFindingDeadline(HostileWorld w)
    {
        FindingFlowTests.WalkToReview(w.H, Author);
        w.H.Press(Author, "整改信息");
        w.H.Press(Author, "整改期限");
    }

    private static void AtAssignDeadline(HostileWorld w)
    {
        WithFinding(w);
        Do(w.H, Liaison, w.Finding!, "a");
        w.H.Send(Liaison, "望城区应急管理局");
        w.H.Press(Liaison, "王责任人");
    }

    private static void AtAssignPerson(HostileWorld w)
    {
        WithFinding(w);
        Do(w.H, Liaison, w.Finding!, "a");
        w.H.Send(Liaison, "望城区应急管理局");
    }

    private static void AtExtendDeadline(HostileWorld w)
    {
        WithFinding(w);
        Assign(w.H, w.Finding!, "11-20");
        Do(w.H, Liaison, w.Finding!, "x");
    }

    private static void AtScheduleStart(HostileWorld w)
    {
        w.H.Send(Liaison, "/schedule add");
        w.H.Press(Liaison, "汇报会");
        w.H.Send(Liaison, "听取湘潭市政府汇报");
    }

    private static void AtScheduleEnd(HostileWorld w)
    {
        AtScheduleStart(w);
        w.H.Send(Liaison, "11-03 09:00");
    }

    private static void Linked(HostileWorld w) => w.LinkGroup();

    private static DispatchOutcome Send(HostileWorld w, long user, string text) => w.H.Send(user, text);

    private static DispatchOutcome Press(HostileWorld w, long user, string data) => w.H.PressData(user, data);

    private static DispatchOutcome Update(HostileWorld w, Func<IncomingUpdate, IncomingUpdate> shape, long user = Author) =>
        w.H.Dispatch(shape(CoreHarness.Text(user, "")));

    private static DispatchOutcome File(HostileWorld w, long user, FileKind kind, long? size = null, string? name = null) =>
        Update(w, u => u with { Text = null, Files = [new IncomingFile(kind, "f-" + kind, name, null, size)] }, user);

    private static string Ledger(HostileWorld w, string code, int? revision = null) => $"lg:{code}:{w.Finding!.Id}:{revision ?? w.Current.Revision}";

    /// <summary>A quick-deadline button's data with its day count forged to int.MaxValue.</summary>
    private static string QuickOffset(HostileWorld w, long user)
    {
        var data = w.H.LatestButtons(user).First(b => b.Data.Contains(":d:", StringComparison.Ordinal)).Data;
        return data[..(data.LastIndexOf(':') + 1)] + int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static readonly string[] Drafts = [Core.Conversations.DraftStore.CollectionName];

    public static readonly Case[] Table =
    [
        // Overlong text.
        new("note of 100,000 characters", Nothing, w => Send(w, Author, HundredThousand), Author, "太长了（最多 20000 字）"),
        new("/note of 100,000 characters", Nothing, w => Send(w, Author, "/note " + HundredThousand), Author, "太长了（最多 20000 字）"),
        new("10,000 characters where a button is needed (kept as the description)", AtAspect, w => Send(w, Author, TenThousand), Author, "已把这段文字记为问题描述", MayChange: Drafts),
        new("100,000 characters as a city", AtCity, w => Send(w, Author, HundredThousand), Author, "太长了", MayChange: Drafts),
        new("/finding with a 10,000-character code", WithFinding, w => Send(w, Author, "/finding " + TenThousand), Author, "没有找到这个问题编号"),
        new("/ledger with 1000 filter words", WithFinding, w => Send(w, Colleague, "/ledger " + string.Join(' ', Enumerable.Range(0, 1000).Select(i => "词" + i))), Colleague, "没有符合条件的问题"),

        // Control characters, HTML and MarkdownV2 specials.
        new("NUL, BEL, RTL override and zero-width space at a button step", AtAspect, w => Send(w, Author, "\u0000\u0007\u202E\u200B"), Author, "请点选下面的按钮", MayChange: Drafts),
        new("/finding code with control characters (stripped, then found)", WithFinding, w => Send(w, Author, "/finding G7-001\u0000\u202E"), Author, "G7-001 · 一般隐患"),
        new("/invite with an RTL-override role (the override dropped)", Nothing, w => Send(w, Liaison, "/invite \u202E老板"), Liaison, "没有“老板”这个角色"),
        new("/invite with an HTML role", Nothing, w => Send(w, Liaison, "/invite <b>组长</b>"), Liaison, "没有“<b>组长</b>”这个角色"),
        new("/invite with MarkdownV2 specials", Nothing, w => Send(w, Liaison, "/invite " + Specials), Liaison, $"没有“{Specials}”这个角色"),
        new("/lang with closing tags and an ampersand", Nothing, w => Send(w, Author, "/lang </i>&amp;"), Author, "不支持“</i>&amp;”"),
        new("/schedule with HTML", Nothing, w => Send(w, Author, "/schedule <script>x</script>"), Author, "没看懂“<script>x</script>”"),
        new("HTML where a button is needed", AtAspect, w => Send(w, Author, "<b>1</b>"), Author, "请点选下面的按钮", MayChange: Drafts),

        // Unknown commands and updates the bot must not answer.
        new("unknown command /foo", Nothing, w => Send(w, Author, "/foo"), Author, "没有 /foo 这个命令"),
        new("unknown command with specials", Nothing, w => Send(w, Author, "/<b>&"), Author, "没有 /<b>& 这个命令"),
        new("command addressed to another bot in the group", Linked, w => { w.H.Get<BotIdentity>().Username = "inspection_bot"; return w.H.Send(Leader, "/summary@otherbot", Group, ChatKind.Group); }, Group, null),
        new("unknown command in the group", Linked, w => w.H.Send(Author, "/foo", Group, ChatKind.Group), Group, "没有 /foo 这个命令"),
        new("private-only command in the group", Linked, w => w.H.Send(Author, "/ledger", Group, ChatKind.Group), Group, "只能在与我的私聊中使用"),
        new("edited message", Nothing, w => Update(w, u => u with { Kind = UpdateKind.EditedMessage, Text = "/ledger" }), Author, "已编辑的消息不会重新处理"),
        new("edited message in the middle of a flow", AtCity, w => Update(w, u => u with { Kind = UpdateKind.EditedMessage, Text = "长沙" }), Author, "已编辑的消息不会重新处理"),
        new("channel post", Nothing, w => Update(w, u => u with { Kind = UpdateKind.ChannelPost, ChatKind = ChatKind.Channel, ChatId = -100_123, Text = "/ledger" }), -100_123, null),
        new("message in a channel chat", Nothing, w => Update(w, u => u with { ChatKind = ChatKind.Channel, ChatId = -100_124, Text = "/summary" }, Leader), -100_124, null),
        new("message from another bot", Nothing, w => Update(w, u => u with { FromBot = true, Text = "/ledger" }), Author, null),
        new("button pressed by a bot", WithFinding, w => w.H.Dispatch(CoreHarness.Text(Author, "") with { Kind = UpdateKind.Callback, Text = null, FromBot = true, CallbackData = Ledger(w, "fs"), CallbackId = "x" }), Author, null),
        new("poll, reaction or join (other update)", Nothing, w => Update(w, u => u with { Kind = UpdateKind.Other, Text = null }), Author, null),

        // Unsupported media.
        new("contact or dice (a message without text or file)", Nothing, w => Update(w, u => u with { Text = null }), Author, "这种消息暂不支持"),
        new("sticker as a note", Nothing, w => File(w, Author, FileKind.Sticker), Author, "这种消息暂不支持"),
        new("animation as a note", Nothing, w => File(w, Author, FileKind.Animation), Author, "这种消息暂不支持"),
        new("sticker where a button is needed", AtAspect, w => File(w, Author, FileKind.Sticker), Author, "不能作为证据", MayChange: Drafts),
        new("oversized itinerary file", Nothing, w => w.SendFile(Liaison, "行程.csv", CsvHeader + GoodRow, size: 50L * 1024 * 1024), Liaison, "文件太大（最多 1 MB）"),
        new("oversized itinerary file whose declared size lies", Nothing, w => w.SendFile(Liaison, "行程.csv", CsvHeader + string.Concat(Enumerable.Repeat(GoodRow, 20_000)), size: 10), Liaison, "文件太大（最多 1 MB）", Jobs: true),
        new("photo where a button is needed in the ledger flow", AtAssignPerson, w => w.H.Dispatch(FindingFlowTests.Photo(Liaison, "p-1")), Liaison, "", MayChange: Drafts),

        // Dates and times at every date and time step.
        new("deadline 2月30日 in a finding", AtFindingDeadline, w => Send(w, Author, "2月30日"), Author, "“2月30日”不是一个存在的日期", MayChange: Drafts),
        new("deadline 昨天 in a finding", AtFindingDeadline, w => Send(w, Author, "昨天"), Author, "已经过去了", MayChange: Drafts),
        new("deadline 2023-13-01 in a finding", AtFindingDeadline, w => Send(w, Author, "2023-13-01"), Author, "2023-13-01", MayChange: Drafts),
        new("deadline 25:61 in a finding", AtFindingDeadline, w => Send(w, Author, "25:61"), Author, "没看懂“25:61”这个日期", MayChange: Drafts),
        new("deadline 9999-12-31 in a finding", AtFindingDeadline, w => Send(w, Author, "9999-12-31"), Author, "“9999-12-31”离今天太远了", MayChange: Drafts),
        new("forged quick deadline of 2^31 days in a finding", w => { AtFindingDeadline(w); w.Data = QuickOffset(w, Author); }, w => Press(w, Author, w.Data), Author, "没看懂", MayChange: Drafts),
        new("assign deadline 2月30日", AtAssignDeadline, w => Send(w, Liaison, "2月30日"), Liaison, "不是一个存在的日期", MayChange: Drafts),
        new("assign deadline 昨天", AtAssignDeadline, w => Send(w, Liaison, "昨天"), Liaison, "已经过去了", MayChange: Drafts),
        new("forged quick deadline of 2^31 days in an assignment", w => { AtAssignDeadline(w); w.Data = QuickOffset(w, Liaison); }, w => Press(w, Liaison, w.Data), Liaison, "没看懂", MayChange: Drafts),
        new("assign deadline 9999-12-31", AtAssignDeadline, w => Send(w, Liaison, "9999-12-31"), Liaison, "“9999-12-31”离今天太远了", MayChange: Drafts),
        new("extended deadline 2023-13-01", AtExtendDeadline, w => Send(w, Liaison, "2023-13-01"), Liaison, "2023-13-01", MayChange: Drafts),
        new("extended deadline 25:61", AtExtendDeadline, w => Send(w, Liaison, "25:61"), Liaison, "没看懂“25:61”这个日期", MayChange: Drafts),
        new("schedule start 25:61", AtScheduleStart, w => Send(w, Liaison, "11-03 25:61"), Liaison, "没看懂", MayChange: Drafts),
        new("schedule start 2月30日", AtScheduleStart, w => Send(w, Liaison, "2月30日 09:00"), Liaison, "不是一个存在的日期", MayChange: Drafts),
        new("schedule start 2023-13-01", AtScheduleStart, w => Send(w, Liaison, "2023-13-01 09:00"), Liaison, "2023-13-01", MayChange: Drafts),
        new("schedule end 25:61", AtScheduleEnd, w => Send(w, Liaison, "25:61"), Liaison, "没看懂“25:61”这个时间", MayChange: Drafts),
        new("schedule end before start", AtScheduleEnd, w => Send(w, Liaison, "08:00"), Liaison, "结束时间要晚于开始时间", MayChange: Drafts),
        new("/findings 2月30日", Nothing, w => Send(w, Author, "/findings 2月30日"), Author, "不是一个存在的日期"),
        new("/schedule 2023-13-01", Nothing, w => Send(w, Author, "/schedule 2023-13-01"), Author, "“2023-13-01”不是一个存在的日期"),
        new("/schedule 9999-12-31", Nothing, w => Send(w, Author, "/schedule 9999-12-31"), Author, "“9999-12-31”离今天太远了"),
        new("/schedule 0001-01-01", Nothing, w => Send(w, Author, "/schedule 0001-01-01"), Author, "“0001-01-01”离今天太远了"),
        new("/findings 9999-12-31", Nothing, w => Send(w, Author, "/findings 9999-12-31"), Author, "9999"),
        new("/summary 2月30日", Nothing, w => Send(w, Leader, "/summary 2月30日"), Leader, "没看懂“2月30日”这个日期"),
        new("/summary 9999-12-31", Nothing, w => Send(w, Leader, "/summary 9999-12-31"), Leader, "还没到"),
        new("/summary 0001-01-01", Nothing, w => Send(w, Leader, "/summary 0001-01-01"), Leader, "0001"),
        new("/summary with junk", Nothing, w => Send(w, Leader, "/summary ' OR 1=1 --"), Leader, "没看懂“' OR 1=1 --”这个日期"),
        new("/quiet 25:00-99:99", Nothing, w => Send(w, Author, "/quiet 25:00-99:99"), Author, "用法：/quiet 22:00-07:00"),
        new("/quiet with one time", Nothing, w => Send(w, Author, "/quiet 22:00"), Author, "用法：/quiet 22:00-07:00"),
        new("/quiet with the same time twice", Nothing, w => Send(w, Author, "/quiet 22:00-22:00"), Author, "用法：/quiet 22:00-07:00"),

        // /tally with junk.
        new("/tally with an unknown item", Nothing, w => Send(w, Leader, "/tally 吃饭 3"), Leader, "更正：/tally 调阅材料 46"),
        new("/tally with a negative count", Nothing, w => Send(w, Leader, "/tally 谈话 -5"), Leader, "数量不能是负数（“-5”）"),
        new("/tally with an overflowing count", Nothing, w => Send(w, Leader, "/tally 谈话 99999999999999999999"), Leader, "不是数量"),
        new("/tally with an impossible date", Nothing, w => Send(w, Leader, "/tally 2月30日 谈话 5"), Leader, "更正：/tally 调阅材料 46"),
        new("/tally with too many words", Nothing, w => Send(w, Leader, "/tally 谈话 5 6 7"), Leader, "更正：/tally 调阅材料 46"),
        new("/tally for a date far after the visit", Nothing, w => Send(w, Leader, "/tally 9999-12-31 谈话 5"), Leader, "还没到，只能查看或更正今天及以前的工作量"),
        new("/tally for tomorrow", Nothing, w => Send(w, Leader, "/tally 明天"), Leader, "还没到"),

        // /finding and /invite and /start with junk.
        new("/finding G7-999999", WithFinding, w => Send(w, Author, "/finding G7-999999"), Author, "没有找到这个问题编号"),
        new("/finding ../../etc", WithFinding, w => Send(w, Author, "/finding ../../etc/passwd"), Author, "没有找到这个问题编号"),
        new("/finding with an injection", WithFinding, w => Send(w, Author, "/finding G7-001' OR '1'='1"), Author, "没有找到这个问题编号"),
        new("/invite with a bad role", Nothing, w => Send(w, Liaison, "/invite 皇帝"), Liaison, "没有“皇帝”这个角色"),
        new("/invite with zero uses", Nothing, w => Send(w, Liaison, "/invite 成员 0"), Liaison, "可用次数应为 1 到"),
        new("/invite with an overflowing count", Nothing, w => Send(w, Liaison, "/invite 成员 99999999999999999999"), Liaison, "可用次数应为 1 到"),
        new("/invite with a negative count", Nothing, w => Send(w, Liaison, "/invite 成员 -3"), Liaison, "可用次数应为 1 到"),
        new("/start with a forged code", Nothing, w => Send(w, Stranger, "/start AAAA-BBBB"), Stranger, "邀请码无效"),
        new("/start with a 10,000-character code", Nothing, w => Send(w, Stranger, "/start " + TenThousand), Stranger, "邀请码无效"),
        new("/start with an expired code", w => { w.Data = w.H.Get<InvitationService>().Create(w.Team, Role.Member, Liaison).Id; w.H.Time.Advance(TimeSpan.FromDays(400)); }, w => Send(w, Stranger, "/start " + w.Data), Stranger, "这个邀请码已过期"),
        new("/start with a used code", w => { w.Data = w.H.Get<InvitationService>().Create(w.Team, Role.Member, Liaison).Id; w.H.Send(778, "/start " + w.Data); }, w => Send(w, Stranger, "/start " + w.Data), Stranger, "使用次数已用完"),
        new("/start with another team's code by a member", w => w.Data = w.H.Get<InvitationService>().Create(w.OtherTeam, Role.Leader, OtherLeader).Id, w => Send(w, Author, "/start " + w.Data), Author, "不能再加入其他组"),
        new("/export with junk", WithFinding, w => Send(w, Leader, "/export passwords"), Leader, "要导出整改台账，请发送 /export ledger"),
        new("/linkgroup in a private chat", Nothing, w => Send(w, Leader, "/linkgroup"), Leader, "请在巡查组的 Telegram 群里发送 /linkgroup"),

        // Forged callback data.
        new("random callback data", WithFinding, w => Press(w, Author, "xyzzy%00'\"<b>"), Author, "这个按钮已过期"),
        new("empty ledger data", WithFinding, w => Press(w, Liaison, "lg:"), Liaison, "没有找到这个问题编号"),
        new("truncated ledger data", WithFinding, w => Press(w, Liaison, $"lg:a:{w.Finding!.Id}"), Liaison, "这个按钮已过期"),
        new("ledger data with an unknown action", WithFinding, w => Press(w, Liaison, Ledger(w, "zz")), Liaison, "这个按钮已过期"),
        new("ledger data with an overflowing id", WithFinding, w => Press(w, Liaison, "lg:a:99999999999999999999:0"), Liaison, "没有找到这个问题编号"),
        new("ledger data with a negative revision", WithFinding, w => Press(w, Liaison, Ledger(w, "a", -1)), Liaison, "这个按钮已过期"),
        new("ledger data with a wrong revision", WithFinding, w => Press(w, Author, Ledger(w, "fs", 999)), Author, "这张卡片已过期"),
        new("ledger data with an id that does not exist", WithFinding, w => Press(w, Author, $"lg:fs:{w.Finding!.Id + 1000}:0"), Author, "没有找到这个问题编号"),
        new("ledger page of someone else's query", w => { WithFinding(w); w.H.Send(Colleague, "/ledger"); }, w => Press(w, Author, "lg:p:1:0"), Author, "这个按钮已过期"),
        new("ledger page with an overflowing page", w => { WithFinding(w); w.H.Send(Colleague, "/ledger"); }, w => Press(w, Colleague, "lg:p:1:99999999999"), Colleague, "这个按钮已过期"),
        new("truncated flow data", AtAspect, w => Press(w, Author, "f:"), Author, "这个按钮已过期", MayChange: Drafts),
        new("flow data with a forged nonce", AtAspect, w => Press(w, Author, "f:forged.0:2"), Author, "这个按钮属于已经回答过的问题", MayChange: Drafts),
        new("flow data with an overflowing step", AtAspect, w => Press(w, Author, "f:x.99999999999:2"), Author, "这个按钮已过期", MayChange: Drafts),
        new("finding list data for an impossible day", WithFinding, w => Press(w, Author, "fd:l:d20231302:0"), Author, "这个按钮已过期"),
        new("finding edit data with a wrong revision", WithFinding, w => Press(w, Author, $"fd:e:{w.Finding!.Id}:999"), Author, "这张卡片已过期"),
        new("schedule data for an item that does not exist", Nothing, w => Press(w, Liaison, "sc:x:99999:0"), Liaison, "这个按钮已过期"),
        new("note data for a note that does not exist", Nothing, w => Press(w, Author, "n:99999:u"), Author, "这个按钮已过期"),
        new("note data with an unknown kind", w => w.H.Send(Author, "省应急厅汇报了专项整治进展"), w => Press(w, Author, "n:1:k:Nonsense"), Author, "这个按钮已过期"),

        // Replayed buttons: the second press says so and changes nothing.
        new("fixed-on-spot pressed twice", w => { WithFinding(w); w.Data = Ledger(w, "fs"); w.H.PressData(Author, w.Data); }, w => Press(w, Author, w.Data), Author, "这张卡片已过期"),
        new("save pressed twice", w => { FindingFlowTests.WalkToReview(w.H, Author); w.Data = w.H.LatestButtons(Author).Single(b => b.Label.Contains("保存", StringComparison.Ordinal)).Data; w.H.PressData(Author, w.Data); }, w => Press(w, Author, w.Data), Author, "这个按钮已过期"),
        new("note undo pressed twice", w => { w.H.Send(Author, "省应急厅汇报了专项整治进展"); w.Data = w.H.LatestButtons(Author).Single(b => b.Label == "撤销").Data; w.H.PressData(Author, w.Data); }, w => Press(w, Author, w.Data), Author, "这条笔记已经撤销了"),
        new("assignment confirmed twice", w => { WithFinding(w); Do(w.H, Liaison, w.Finding!, "a"); w.H.Send(Liaison, "某局"); w.H.Press(Liaison, "王责任人"); w.H.Send(Liaison, "11-20"); w.Data = w.H.LatestButtons(Liaison).Single(b => b.Label.Contains("确认", StringComparison.Ordinal)).Data; w.H.PressData(Liaison, w.Data); }, w => Press(w, Liaison, w.Data), Liaison, "这个按钮已过期"),

        // Another team's and strangers' buttons.
        new("team B member pressing team A's ledger button", WithFinding, w => Press(w, OtherMember, Ledger(w, "fs")), OtherMember, "没有找到这个问题编号"),
        new("team B leader pressing team A's assign button", WithFinding, w => Press(w, OtherLeader, Ledger(w, "a")), OtherLeader, "没有找到这个问题编号"),
        new("team B member opening team A's finding card", WithFinding, w => Press(w, OtherMember, $"fd:v:{w.Finding!.Id}"), OtherMember, "没有找到这个问题编号"),
        new("team B member editing team A's finding", WithFinding, w => Press(w, OtherMember, $"fd:e:{w.Finding!.Id}:{w.Current.Revision}"), OtherMember, "没有找到这个问题编号"),
        new("stranger pressing a member's button", WithFinding, w => Press(w, Stranger, Ledger(w, "fs")), Stranger, "请向所在巡查组的组长或联络员索取邀请码"),

        // Itinerary files with broken rows or spreadsheet formulas: each refused with its line, nothing saved.
        new("CSV with =HYPERLINK in the title", Nothing, w => w.SendFile(Liaison, "a.csv", CsvHeader + GoodRow + "2023-11-04,10:00,11:00,其他,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,全体,\n"), Liaison, "第 3 行：“事项”像是表格公式", Jobs: true),
        new("CSV with @SUM in the place", Nothing, w => w.SendFile(Liaison, "a.csv", CsvHeader + "2023-11-04,10:00,11:00,其他,检查,@SUM(1),全体,\n" + GoodRow), Liaison, "第 2 行：“地点”像是表格公式", Jobs: true),
        new("CSV with +cmd in the notes", Nothing, w => w.SendFile(Liaison, "a.csv", CsvHeader + GoodRow + GoodRow + "2023-11-04,10:00,11:00,其他,检查,长沙,全体,+cmd|' /C calc'!A0\n"), Liaison, "第 4 行：“备注”像是表格公式", Jobs: true),
        new("CSV with -2+3 in the title", Nothing, w => w.SendFile(Liaison, "a.csv", CsvHeader + "2023-11-04,10:00,11:00,其他,-2+3,长沙,全体,\n"), Liaison, "第 2 行：“事项”像是表格公式", Jobs: true),
        new("CSV with an unclosed quote", Nothing, w => w.SendFile(Liaison, "a.csv", CsvHeader + GoodRow + "2023-11-04,10:00,11:00,其他,\"未闭合,长沙,全体,\n"), Liaison, "第 3 行", Jobs: true),
        new("CSV with too few columns", Nothing, w => w.SendFile(Liaison, "a.csv", CsvHeader + GoodRow + "2023-11-04,10:00\n"), Liaison, "第 3 行", Jobs: true),
        new("CSV with 2月30日 and 25:61", Nothing, w => w.SendFile(Liaison, "a.csv", CsvHeader + "2023-02-30,09:00,10:00,其他,检查,长沙,全体,\n2023-11-04,25:61,26:00,其他,检查,长沙,全体,\n"), Liaison, "第 3 行：时间无法识别", Jobs: true),
        new("CSV of binary junk", Nothing, w => w.SendBytes(Liaison, "a.csv", [0xFF, 0xFE, 0x00, 0xD8, 0x00, 0x00, 0x9C, 0xC3, 0x28]), Liaison, "没有保存任何内容", Jobs: true),
        new("empty CSV", Nothing, w => w.SendFile(Liaison, "a.csv", ""), Liaison, "无法读取这个文件", Jobs: true),
        new("ICS that is not a calendar", Nothing, w => w.SendFile(Liaison, "a.ics", "<html><script>alert(1)</script></html>"), Liaison, "不是有效的日历文件", Jobs: true),
        new("ICS with a formula summary", Nothing, w => w.SendFile(Liaison, "a.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20231104T010000Z\r\nDTEND:20231104T020000Z\r\nSUMMARY:=HYPERLINK(\"http://x\",\"y\")\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), Liaison, "像是表格公式", Jobs: true),
        new("ICS with a broken date", Nothing, w => w.SendFile(Liaison, "a.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20231330T250000Z\r\nDTEND:20231104T020000Z\r\nSUMMARY:检查\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), Liaison, "没有保存任何内容", Jobs: true),
        new("CSV sent by a member", Nothing, w => w.SendFile(Author, "a.csv", CsvHeader + GoodRow), Author, "只有联络员和组长可以修改日程"),
    ];

    public static TheoryData<string> Rows()
    {
        var rows = new TheoryData<string>();
        foreach (var row in Table)
        {
            rows.Add(row.Name);
        }

        return rows;
    }

    [Fact]
    public void Hostile_TableHasAtLeastFiftyDistinctRows()
    {
        Assert.True(Table.Length >= 50, $"{Table.Length} rows");
        Assert.Equal(Table.Length, Table.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Hostile_Input_IsAnsweredClearly_NothingThrows_NothingStoredChanges(string name)
    {
        var row = Table.Single(c => c.Name == name);
        using var w = new HostileWorld();
        row.Setup(w);
        await w.RunJobs();
        var before = w.Snapshot(Stored.Except(row.MayChange ?? []));
        w.H.Clear();

        var outcome = row.Act(w);
        if (row.Jobs)
        {
            await w.RunJobs();
        }

        Assert.Equal(DispatchOutcome.Handled, outcome);
        w.AssertNoErrors();
        var answer = w.H.AllText(row.Chat);
        if (row.Expect is null)
        {
            Assert.Empty(w.H.Messages(row.Chat));
        }
        else
        {
            Assert.Contains(row.Expect, answer, StringComparison.Ordinal);
        }

        w.AssertUnchanged(before);
    }
}
