using Assistant.Core.Common;
using Assistant.Core.Conversations;
using Assistant.Core.Findings;
using Assistant.Core.Localization;
using Assistant.Core.Messaging;
using Assistant.Core.Notes;
using Assistant.Core.Teams;
using Assistant.Tests.Support;

namespace Assistant.Tests.Findings;

public sealed class NotesTests
{
    private const long Member = 701;
    private const long Colleague = 702;
    private const long Leader = 704;

    private static CoreHarness Team(out Team team)
    {
        var h = CoreHarness.Create();
        team = h.CreateTeam();
        h.AddMember(team, Member, Role.Member, "李明");
        h.AddMember(team, Colleague, Role.Member, "张伟");
        h.AddMember(team, Leader, Role.Leader, "赵组长");
        return h;
    }

    [Fact]
    public void FreeText_IsSavedAtOnceAsANoteOfTheDay()
    {
        using var h = Team(out var team);

        h.Send(Member, "省应急厅汇报：今年开展重大事故隐患排查 1.2 万家次");

        var note = Assert.Single(h.Get<NoteStore>().OnDay(team.Id, new DateOnly(2023, 11, 2)));
        Assert.Equal("省应急厅汇报：今年开展重大事故隐患排查 1.2 万家次", note.Text);
        Assert.Equal(NoteKind.General, note.Kind);
        Assert.Contains("已记为2023年11月2日的笔记", h.LastText(Member), StringComparison.Ordinal);
        Assert.Contains(h.LatestButtons(Member), b => b.Label == "撤销");
        Assert.Contains(h.LatestButtons(Member), b => b.Label == "转为问题");
    }

    [Fact]
    public void NoteCommand_SavesTheRestOfTheLine()
    {
        using var h = Team(out var team);

        h.Send(Member, "/note 与企业负责人谈话");
        h.Send(Member, "/note");

        Assert.Equal("与企业负责人谈话", Assert.Single(h.Get<NoteStore>().OfTeam(team.Id)).Text);
        Assert.Contains("用法", h.LastText(Member), StringComparison.Ordinal);
    }

    [Fact]
    public void Undo_HidesTheNote()
    {
        using var h = Team(out var team);
        h.Send(Member, "记错了");

        h.Press(Member, "撤销");

        Assert.Empty(h.Get<NoteStore>().OfTeam(team.Id));
    }

    [Fact]
    public void Kind_CanBeTaggedAndTipsStayWithAuthorLiaisonAndLeader()
    {
        using var h = Team(out var team);
        h.Send(Member, "群众电话举报：某烟花仓库超量储存（举报人：匿名）");

        h.Press(Member, "举报线索");
        h.Send(Colleague, "/notes");
        h.Send(Leader, "/notes");

        Assert.Equal(NoteKind.Tip, h.Get<NoteStore>().OfTeam(team.Id)[0].Kind);
        Assert.DoesNotContain("烟花仓库", h.LastText(Colleague), StringComparison.Ordinal);
        Assert.Contains("烟花仓库", h.LastText(Leader), StringComparison.Ordinal);
    }

    /// <summary>Forms a tipster's identity takes that the guard once let through (a name after 举报群众/群众, a number in Chinese numerals).</summary>
    public static TheoryData<string, string> IdentifyingForms => new()
    {
        { "举报群众李四反映加油站夜间违规卸油", "李四" },
        { "群众李四举报加油站违规", "李四" },
        { "据举报群众李四介绍，站内有黑气瓶", "李四" },
        { "举报人手机号：一三八一二三四五六七八，反映站内有黑气瓶", "一三八一二三四五六七八" },
        { "加油站违规卸油，来电号码１３８ １２３４ ５６７８", "１３８ １２３４ ５６７８" },
    };

    [Theory]
    [MemberData(nameof(IdentifyingForms))]
    public void Tip_SubjectIdentifyingTheTipster_IsRefusedWithTheReason(string subject, string secret)
    {
        using var h = Team(out var team);
        h.Send(Member, "群众电话举报加油站违规");
        h.Press(Member, "举报线索");
        h.Press(Member, "电话");
        h.Clear();

        h.Send(Member, subject);

        Assert.Contains("识别举报人", h.AllText(Member), StringComparison.Ordinal);
        Assert.Null(Assert.Single(h.Get<NoteStore>().OfTeam(team.Id)).TipSubject);
        h.Send(Leader, "/leads");
        Assert.DoesNotContain(secret, h.AllText(Leader), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(IdentifyingForms))]
    public void PlainNote_IdentifyingSomeone_IsScrubbedForOtherMembers_AndReadAsTypedByItsAuthor(string text, string secret)
    {
        using var h = Team(out _);
        h.Send(Member, text);

        h.Send(Colleague, "/notes");
        h.Send(Member, "/notes");

        Assert.Contains("站", h.LastText(Colleague), StringComparison.Ordinal); // the note is listed
        Assert.DoesNotContain(secret, h.LastText(Colleague), StringComparison.Ordinal);
        Assert.Contains(IdentityScrubber.Removed, h.LastText(Colleague), StringComparison.Ordinal);
        Assert.Contains(secret, h.LastText(Member), StringComparison.Ordinal);
    }

    [Fact]
    public void NoteButtons_OfAnotherMember_AreRefused()
    {
        using var h = Team(out var team);
        h.Send(Member, "我的笔记");
        var undo = h.LatestButtons(Member).Single(b => b.Label == "撤销").Data;

        h.PressData(Colleague, undo);

        Assert.Single(h.Get<NoteStore>().OfTeam(team.Id));
        Assert.Contains("过期", h.LastText(Colleague), StringComparison.Ordinal);
    }

    [Fact]
    public void ToFinding_StartsTheFlowWithTheNoteAsDescriptionAndLinksThem()
    {
        using var h = Team(out var team);
        h.Send(Member, "疏散通道被货物堵塞");

        h.Press(Member, "转为问题");
        h.Press(Member, "基层末梢抓工作落实");
        h.Press(Member, "实地检查");
        h.Press(Member, "明查");
        h.Send(Member, "长沙市");
        h.Send(Member, "某商场");
        Assert.Contains("疏散通道被货物堵塞", h.LastText(Member), StringComparison.Ordinal); // the card: sector and severity suggested
        h.Press(Member, "保存");

        var finding = h.Get<FindingStore>().OfTeam(team.Id)[0];
        Assert.Equal("疏散通道被货物堵塞", finding.Description);
        var note = h.Get<NoteStore>().OfTeam(team.Id)[0];
        Assert.Equal(finding.Id, note.FindingId);
        Assert.Equal(note.Id, finding.NoteId);
    }

    [Fact]
    public void Voice_IsKeptAsANoteWithItsFileId()
    {
        using var h = Team(out var team);

        h.Dispatch(CoreHarness.Text(Member, "") with { Text = null, Files = [new IncomingFile(FileKind.Voice, "voice-1", null, "audio/ogg", 5000, 12)] });

        var note = Assert.Single(h.Get<NoteStore>().OfTeam(team.Id));
        Assert.Equal("voice-1", note.VoiceFileId);
        Assert.Equal(12, note.VoiceSeconds);
        Assert.Contains("语音 12 秒", h.LastText(Member), StringComparison.Ordinal);
    }

    [Fact]
    public void Location_OutsideAFlow_StartsAFinding()
    {
        using var h = Team(out _);

        h.Dispatch(CoreHarness.Text(Member, "") with { Text = null, Location = new GeoPoint(27.8, 113.1) });

        Assert.Contains("开始记录", h.AllText(Member), StringComparison.Ordinal);
        Assert.Equal("finding", h.Get<DraftStore>().Get(Member)!.Flow);
    }

    [Fact]
    public void Sticker_OutsideAFlow_GetsAClearAnswer()
    {
        using var h = Team(out var team);

        h.Dispatch(CoreHarness.Text(Member, "") with { Text = null, Files = [new IncomingFile(FileKind.Sticker, "s1")] });

        Assert.Contains("暂不支持", h.LastText(Member), StringComparison.Ordinal);
        Assert.Empty(h.Get<NoteStore>().OfTeam(team.Id));
    }

    private const string KtvNote = "长沙市雨花区某KTV安全出口上锁，暗访发现";

    /// <summary>The member writes the note and turns it into a finding through the buttons, choosing 明查 or 暗访.</summary>
    private static Finding FindingFromNote(CoreHarness h, Team team, string text, bool covert)
    {
        h.Send(Member, text);
        h.Press(Member, "转为问题");
        for (var i = 0; i < 8 && !h.LastText(Member).Contains("请核对", StringComparison.Ordinal); i++)
        {
            var question = h.LastText(Member);
            if (question.Contains("方面", StringComparison.Ordinal))
            {
                h.Press(Member, "基层末梢抓工作落实");
            }
            else if (question.Contains("哪个领域", StringComparison.Ordinal))
            {
                h.Press(Member, "人员密集场所");
            }
            else if (question.Contains("方式", StringComparison.Ordinal))
            {
                h.Press(Member, "实地检查");
            }
            else if (question.Contains("明查还是暗访", StringComparison.Ordinal))
            {
                h.Press(Member, covert ? "暗访" : "明查");
            }
            else if (question.Contains("在哪个市", StringComparison.Ordinal))
            {
                h.Send(Member, "长沙市雨花区");
            }
            else if (question.Contains("被检查单位是", StringComparison.Ordinal))
            {
                h.Send(Member, "长沙某KTV");
            }
            else if (question.Contains("问题的性质", StringComparison.Ordinal))
            {
                h.Press(Member, "一般隐患");
            }
            else
            {
                throw new InvalidOperationException("Unexpected question: " + question);
            }
        }

        h.Press(Member, "保存");
        var finding = h.Get<FindingStore>().OfTeam(team.Id).Single(f => f.Description == text);
        Assert.Equal(covert, finding.Covert);
        return finding;
    }

    private static string NotesOf(CoreHarness h, long user)
    {
        h.Send(user, "/notes");
        return h.LastText(user);
    }

    [Fact]
    public void ANoteTurnedIntoACovertFinding_IsListedOnlyToThoseWhoMaySeeThatFinding()
    {
        using var h = Team(out var team);
        h.AddMember(team, 705, Role.Liaison, "钱联络");
        h.Send(Colleague, "三楼会议室灭火器过期");

        FindingFromNote(h, team, KtvNote, covert: true);

        Assert.DoesNotContain("安全出口上锁", NotesOf(h, Colleague), StringComparison.Ordinal);
        Assert.Contains("灭火器过期", h.LastText(Colleague), StringComparison.Ordinal);
        Assert.Contains(KtvNote, NotesOf(h, Member), StringComparison.Ordinal);
        Assert.Contains(KtvNote, NotesOf(h, Leader), StringComparison.Ordinal);
        Assert.Contains(KtvNote, NotesOf(h, 705), StringComparison.Ordinal);
    }

    [Fact]
    public void ANoteTurnedIntoACovertFinding_AloneThatDay_LeavesTheColleagueNoNotes()
    {
        using var h = Team(out var team);

        FindingFromNote(h, team, KtvNote, covert: true);

        Assert.DoesNotContain("安全出口上锁", NotesOf(h, Colleague), StringComparison.Ordinal);
        Assert.Contains("今天还没有", h.LastText(Colleague), StringComparison.Ordinal);
    }

    [Fact]
    public void ANoteTurnedIntoAnOpenFinding_StaysTheTeams()
    {
        using var h = Team(out var team);

        FindingFromNote(h, team, KtvNote, covert: false);

        Assert.Contains("安全出口上锁", NotesOf(h, Colleague), StringComparison.Ordinal);
    }

    [Fact]
    public void ANoteFollowsItsFinding_FromCovertToOpenAndBack()
    {
        using var h = Team(out var team);
        var finding = FindingFromNote(h, team, KtvNote, covert: true);

        SetOpenness(h, finding, "明查");
        Assert.False(h.Get<FindingStore>().Get(finding.Id)!.Covert);
        Assert.Contains("安全出口上锁", NotesOf(h, Colleague), StringComparison.Ordinal);

        SetOpenness(h, finding, "暗访");
        Assert.True(h.Get<FindingStore>().Get(finding.Id)!.Covert);
        Assert.DoesNotContain("安全出口上锁", NotesOf(h, Colleague), StringComparison.Ordinal);
    }

    /// <summary>The author edits the finding's 明查/暗访 from its card.</summary>
    private static void SetOpenness(CoreHarness h, Finding finding, string openness)
    {
        h.Send(Member, "/finding " + finding.Code);
        h.Press(Member, "编辑");
        h.Press(Member, "明查/暗访");
        h.Press(Member, openness);
        h.Press(Member, "保存");
    }

    [Fact]
    public void TipCancelledHalfWay_KeepsWhatWasAnswered_AndCanBeCompletedFromItsNote()
    {
        using var h = Team(out var team);
        h.Send(Member, "群众电话举报：某烟花仓库超量储存，举报人张三13912345678");
        h.Press(Member, "举报线索");
        h.Press(Member, "电话");
        h.Send(Member, "举报人张三反映烟花仓库超量储存");
        Assert.Contains("识别举报人", h.AllText(Member), StringComparison.Ordinal);
        h.Clear();

        h.Send(Member, "/cancel");

        var note = Assert.Single(h.Get<NoteStore>().OfTeam(team.Id));
        Assert.Equal(NoteKind.Tip, note.Kind);
        Assert.Equal(TipChannel.Phone, note.TipChannel);
        Assert.Null(note.TipSubject);
        Assert.True(Note.IsHalfDoneTip(note));
        Assert.Contains("已退出当前操作", h.AllText(Member), StringComparison.Ordinal);
        Assert.Contains("登记还没有完成", h.LastText(Member), StringComparison.Ordinal);
        Assert.Contains(h.LatestButtons(Member), b => b.Label == "补全线索");

        h.Press(Member, "补全线索");

        // The channel is known: the tip goes on with what it reports.
        Assert.Contains("反映的是什么问题", h.LastText(Member), StringComparison.Ordinal);
        AnswerTheRest(h);

        note = Assert.Single(h.Get<NoteStore>().OfTeam(team.Id));
        Assert.False(Note.IsHalfDoneTip(note));
        Assert.Equal(TipChannel.Phone, note.TipChannel);
        Assert.Equal("某烟花仓库超量储存", note.TipSubject);
        Assert.Contains("已登记举报（电话）", h.AllText(Member), StringComparison.Ordinal);
        Assert.DoesNotContain(h.LatestButtons(Member), b => b.Label == "补全线索");
    }

    [Fact]
    public void CompleteTheTip_OnATipAlreadyComplete_SaysSo_AndAnotherMembersPressIsRefused()
    {
        using var h = Team(out var team);
        h.Send(Member, "群众电话举报某加油站违规");
        h.Press(Member, "举报线索");
        h.Send(Member, "/cancel");
        var complete = h.LatestButtons(Member).Single(b => b.Label == "补全线索").Data;

        h.PressData(Colleague, complete);
        Assert.Contains("已过期", h.LastText(Colleague), StringComparison.Ordinal);

        h.Press(Member, "补全线索");
        h.Press(Member, "电话");
        h.Send(Member, "某加油站违规");
        h.Press(Member, "转交属地核查");
        h.PressData(Member, complete);

        Assert.Contains("已经登记完整", h.LastText(Member), StringComparison.Ordinal);
        Assert.False(Note.IsHalfDoneTip(Assert.Single(h.Get<NoteStore>().OfTeam(team.Id))));
    }

    /// <summary>A note tagged as a tip, its channel answered: what it reports and how it was handled are still to come.</summary>
    private static void TipWithItsChannel(CoreHarness h)
    {
        h.Send(Member, "群众电话举报：某烟花仓库超量储存");
        h.Press(Member, "举报线索");
        h.Press(Member, "电话");
    }

    /// <summary>What the tip reports, then how it was handled (a preset).</summary>
    private static void AnswerTheRest(CoreHarness h)
    {
        h.Send(Member, "某烟花仓库超量储存");
        h.Press(Member, "转交属地核查");
    }

    [Fact]
    public void TipLeftUntilTheJanitorDropsItsDraft_ComesBackWithCompleteTheTip_WhichAsksOnlyWhatIsMissing()
    {
        using var h = Team(out var team);
        TipWithItsChannel(h);
        h.Clear();

        h.Time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(1, h.Get<DraftJanitor>().Sweep());

        Assert.Null(h.Get<DraftStore>().Get(Member));
        var note = Assert.Single(h.Get<NoteStore>().OfTeam(team.Id));
        Assert.Equal(TipChannel.Phone, note.TipChannel);
        Assert.True(Note.IsHalfDoneTip(note));
        Assert.Contains("24 小时未操作", h.AllText(Member), StringComparison.Ordinal);
        Assert.Contains("登记还没有完成", h.LastText(Member), StringComparison.Ordinal);
        Assert.All(h.Queued(Member), m => Assert.Equal("draft-expired", m.Purpose));
        Assert.Contains(h.LatestButtons(Member), b => b.Label == "撤销");
        var complete = h.LatestButtons(Member).Single(b => b.Label == "补全线索").Data;
        h.Clear();

        h.PressData(Member, complete);

        // The channel answered before the draft expired is kept: only what it reports, then how it was handled, is asked.
        Assert.Contains("反映的是什么问题", h.LastText(Member), StringComparison.Ordinal);
        Assert.DoesNotContain("怎么收到的", h.AllText(Member), StringComparison.Ordinal);
        AnswerTheRest(h);
        Assert.False(Note.IsHalfDoneTip(Assert.Single(h.Get<NoteStore>().OfTeam(team.Id))));
        Assert.Contains("已登记举报（电话）", h.AllText(Member), StringComparison.Ordinal);
    }

    [Fact]
    public void TipDraftExpired_WhenTheMemberComesBackFirst_TheNoteComesBackWithCompleteTheTip_AndTheTextIsANote()
    {
        using var h = Team(out var team);
        TipWithItsChannel(h);
        h.Clear();
        h.Time.Advance(TimeSpan.FromHours(25));

        h.Send(Member, "下午座谈");

        var text = h.AllText(Member);
        Assert.Contains("已自动放弃", text, StringComparison.Ordinal);
        Assert.Contains("登记还没有完成", text, StringComparison.Ordinal);
        Assert.Contains(h.Messages(Member), m => m.Keyboard?.SelectMany(r => r).Any(b => b.Label == "补全线索") == true);
        Assert.Equal(2, h.Get<NoteStore>().OfTeam(team.Id).Count);
        Assert.Equal(TipChannel.Phone, h.Get<NoteStore>().OfTeam(team.Id).Single(n => n.Kind == NoteKind.Tip).TipChannel);
    }

    [Fact]
    public void Notes_OffersItsAuthorToCompleteAHalfDoneTip_TheListStays_AndNobodyElseGetsOrMayUseIt()
    {
        using var h = Team(out var team);
        TipWithItsChannel(h);
        h.Send(Member, "/cancel");
        h.Send(Member, "下午与应急厅座谈");
        h.Clear();

        h.Send(Member, "/notes");
        h.Send(Leader, "/notes");

        var list = h.Messages(Member)[^1];
        Assert.Contains("的笔记（2 条）", Html.ToPlainText(list.Html), StringComparison.Ordinal);
        var button = Assert.Single(list.Keyboard!.SelectMany(r => r));
        Assert.Equal("补全线索：群众电话举报：某烟花仓库…", button.Label);
        var leaders = h.Messages(Leader)[^1];
        Assert.Contains("烟花仓库", Html.ToPlainText(leaders.Html), StringComparison.Ordinal); // the leader reads the tip
        Assert.Null(leaders.Keyboard);                                                         // but is offered nothing

        h.PressData(Leader, button.Data);
        h.PressData(Colleague, button.Data);
        Assert.Contains("已过期", h.LastText(Leader), StringComparison.Ordinal);
        Assert.Contains("已过期", h.LastText(Colleague), StringComparison.Ordinal);
        Assert.Null(h.Get<DraftStore>().Get(Leader));

        h.Press(Member, "补全线索");

        Assert.DoesNotContain(h.Queued(Member), m => m.EditMessageId is not null); // the list is left as it was
        Assert.Contains("的举报线索：群众电话举报", h.AllText(Member), StringComparison.Ordinal);
        Assert.Contains("反映的是什么问题", h.LastText(Member), StringComparison.Ordinal);
        AnswerTheRest(h);
        Assert.False(Note.IsHalfDoneTip(h.Get<NoteStore>().OfTeam(team.Id).Single(n => n.Kind == NoteKind.Tip)));

        h.Send(Member, "/notes");
        Assert.Null(h.Messages(Member)[^1].Keyboard);
        h.PressData(Member, button.Data);
        Assert.Contains("已经登记完整", h.LastText(Member), StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_InEnglish_OffersToCompleteAHalfDoneTip()
    {
        const long English = 705;
        using var h = Team(out var team);
        h.AddMember(team, English, Role.Member, "Alex", Language.English);
        h.Send(English, "Phone tip: fireworks stored over the limit");
        h.Press(English, "tip");
        h.Send(English, "/cancel");
        h.Clear();

        h.Send(English, "/notes");

        var list = h.Messages(English)[^1];
        Assert.Contains("Notes of", Html.ToPlainText(list.Html), StringComparison.Ordinal);
        var button = Assert.Single(list.Keyboard!.SelectMany(r => r));
        Assert.Equal("Complete the tip: Phone tip: f…", button.Label);

        h.Press(English, "Complete the tip");

        // Nothing was answered: the tip's questions start with how it arrived.
        Assert.Contains("How did this tip arrive?", h.LastText(English), StringComparison.Ordinal);
    }
}
