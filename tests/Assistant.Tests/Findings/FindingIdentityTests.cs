using Assistant.Core.Common;
using Assistant.Core.Conversations;
using Assistant.Core.Findings;
using Assistant.Core.Localization;
using Assistant.Core.Teams;
using Assistant.Tests.Support;

namespace Assistant.Tests.Findings;

/// <summary>
/// A tipster's identity never enters a finding, whichever path writes its text: a photo's caption and a note turned into a
/// finding (the card shown before saving already without it), the description typed in the flow, an edit. The card says
/// that something was removed, in the reader's language; other members read the saved card without it.
/// </summary>
public sealed class FindingIdentityTests
{
    private const long Member = 701;
    private const long Colleague = 702;
    private const long English = 703;
    private const string Caption = "举报人张三电话13812345678反映长沙某加油站卸油区未设置静电接地装置";
    private const string Kept = "卸油区未设置静电接地装置";
    private const string RemovedLine = "已隐去可识别举报人身份的信息";

    private static CoreHarness WithTeam(out Team team)
    {
        var h = CoreHarness.Create();
        team = h.CreateTeam();
        h.AddMember(team, Member, Role.Member, "周敏");
        h.AddMember(team, Colleague, Role.Member, "张伟");
        h.AddMember(team, English, Role.Member, "Alex", Language.English);
        return h;
    }

    private static void AssertNoIdentity(string text, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PhotoCaption_NamingATipster_TheCardAndTheSavedFindingCarryNoIdentity_AndSayItWasRemoved()
    {
        using var h = WithTeam(out var team);
        FindingFlowTests.Record(h, Member);

        h.Dispatch(FindingFlowTests.Photo(Member, "photo-1") with { Text = Caption });
        h.Press(Member, "明查"); // the caption names another unit than the last finding: open or covert, and the city, are asked
        h.Send(Member, "长沙市");
        var draftCard = h.LastText(Member);
        h.Press(Member, "确认建议并保存");

        Assert.Contains(Kept, draftCard, StringComparison.Ordinal);
        Assert.Contains(RemovedLine, draftCard, StringComparison.Ordinal);
        AssertNoIdentity(draftCard, "张三", "13812345678");
        var finding = h.Get<FindingStore>().OfTeam(team.Id).Single(f => f.Description.Contains(Kept, StringComparison.Ordinal));
        AssertNoIdentity(finding.Description, "张三", "13812345678");
        Assert.Contains(IdentityScrubber.Removed, finding.Description, StringComparison.Ordinal);

        h.Send(Colleague, "/finding " + finding.Code);
        h.Send(English, "/finding " + finding.Code);
        Assert.Contains(Kept, h.LastText(Colleague), StringComparison.Ordinal);
        Assert.Contains(RemovedLine, h.LastText(Colleague), StringComparison.Ordinal);
        AssertNoIdentity(h.AllText(Colleague), "张三", "13812345678");
        Assert.Contains("identifying a tipster", h.LastText(English), StringComparison.Ordinal);
        AssertNoIdentity(h.AllText(English), "张三", "13812345678");
    }

    [Fact]
    public void NoteTurnedIntoAFinding_NamingATipster_IsSavedWithoutTheIdentity()
    {
        using var h = WithTeam(out var team);
        FindingFlowTests.Record(h, Member);
        h.Send(Member, "据举报群众李四介绍，三楼疏散通道被货物堵塞，举报人手机号：一三八一二三四五六七八");

        h.Press(Member, "转为问题");
        AssertNoIdentity(h.LastText(Member), "李四", "一三八一二三四五六七八");
        h.Press(Member, "保存");

        var finding = h.Get<FindingStore>().OfTeam(team.Id).Single(f => f.Description.Contains("疏散通道", StringComparison.Ordinal));
        AssertNoIdentity(finding.Description, "李四", "一三八一二三四五六七八");
    }

    [Fact]
    public void DescriptionTypedInTheFlow_AndAnEdit_AreScrubbed_AndTheHistoryToo()
    {
        using var h = WithTeam(out var team);
        h.Send(Member, "/finding");
        h.Press(Member, "安全生产责任落实");
        h.Press(Member, "危险化学品");
        h.Press(Member, "实地检查");
        h.Press(Member, "明查");
        h.Send(Member, "长沙市望城区");
        h.Send(Member, "李四加油站");
        h.Send(Member, "群众李四举报加油站违规卸油");
        h.Press(Member, "描述完成");
        h.Press(Member, "一般隐患");
        Assert.Contains(RemovedLine, h.LastText(Member), StringComparison.Ordinal);
        h.Press(Member, "保存");
        var finding = Assert.Single(h.Get<FindingStore>().OfTeam(team.Id));
        Assert.Equal($"群众{IdentityScrubber.Removed}举报加油站违规卸油", finding.Description);
        Assert.Equal("李四加油站", finding.Unit); // a unit's name, no cue before it: kept

        h.PressData(Member, $"fd:e:{finding.Id}:{finding.Revision}");
        h.Press(Member, "问题描述");
        h.Press(Member, "重新描述");
        h.Send(Member, "举报人王五，电话0731-88886666，反映站内有黑气瓶");
        h.Press(Member, "描述完成");
        h.Press(Member, "保存");

        var edited = h.Get<FindingStore>().Get(finding.Id)!;
        Assert.Contains("黑气瓶", edited.Description, StringComparison.Ordinal);
        AssertNoIdentity(edited.Description, "王五", "88886666");
        var history = string.Join("\n", h.Get<FindingStore>().ChangesOf(finding.Id).Select(c => $"{c.OldValue} {c.NewValue}"));
        Assert.Contains("黑气瓶", history, StringComparison.Ordinal);
        AssertNoIdentity(history, "王五", "88886666", "李四举报");
        Assert.Null(h.Get<DraftStore>().Get(Member));
    }

    [Fact]
    public void LedgerStepReason_NamingATipster_IsScrubbedOnTheConfirmation_ForTheContact_AndInTheRecords()
    {
        using var h = Ledger.LedgerTests.Team(out _);
        var f = FindingFlowTests.Record(h, Ledger.LedgerTests.Author);
        Ledger.LedgerTests.Assign(h, f);
        Ledger.LedgerTests.SubmitFix(h, Ledger.LedgerTests.Contact, f);

        Ledger.LedgerTests.Do(h, Ledger.LedgerTests.Colleague, f, "r");
        h.Send(Ledger.LedgerTests.Colleague, "举报群众李四反映仍未整改，回电一三八一二三四五六七八");
        var confirmation = h.LastText(Ledger.LedgerTests.Colleague);
        h.Press(Ledger.LedgerTests.Colleague, "确认");

        var current = Ledger.LedgerTests.Current(h, f);
        Assert.Contains("仍未整改", confirmation, StringComparison.Ordinal);
        Assert.Contains("仍未整改", h.LastText(Ledger.LedgerTests.Contact), StringComparison.Ordinal);
        Assert.Contains("仍未整改", current.RejectReason, StringComparison.Ordinal);
        var history = string.Join("\n", h.Get<FindingStore>().ChangesOf(f.Id).Select(c => c.NewValue));
        foreach (var text in new[] { confirmation, h.LastText(Ledger.LedgerTests.Contact), current.RejectReason!, history })
        {
            AssertNoIdentity(text, "李四", "一三八一二三四五六七八");
        }
    }

    [Fact]
    public void DescriptionTypedInTheFlow_IsScrubbedInTheSavedDraft_BeforeTheCard()
    {
        using var h = WithTeam(out _);
        h.Send(Member, "/finding");
        h.Press(Member, "安全生产责任落实");
        h.Press(Member, "危险化学品");
        h.Press(Member, "实地检查");
        h.Press(Member, "明查");
        h.Send(Member, "长沙市望城区");
        h.Send(Member, "长沙某加油站");

        h.Send(Member, Caption);

        var stored = h.Get<DraftStore>().Get(Member)!.Data["Description"].AsString;
        Assert.Contains(Kept, stored, StringComparison.Ordinal);
        AssertNoIdentity(stored, "张三", "13812345678");
    }

    [Fact]
    public void DraftLoadedFromTheDatabase_KeepsItsTextsAsStored_NothingIsScrubbedOnLoad()
    {
        using var h = WithTeam(out _);
        var mapper = h.Get<Core.Storage.AssistantDatabase>().Database.Mapper;
        var document = mapper.ToDocument(new FindingDraft { Description = Caption, Unit = "举报人张三" });

        var loaded = mapper.ToObject<FindingDraft>(document);

        Assert.Equal(Caption, loaded.Description);
        Assert.Equal("举报人张三", loaded.Unit);
        loaded.ScrubIdentities();
        AssertNoIdentity(loaded.Description + loaded.Unit, "张三", "13812345678");
    }

    [Fact]
    public void FindingText_ScrubsEveryFreeText_AndReportsARemovalInAnyOfThem_TheDeadlineReasonsToo()
    {
        const string Tipster = "举报人张三电话13812345678";
        var everywhere = new Finding
        {
            Code = "G7-001",
            SectorOther = Tipster, City = Tipster, Place = Tipster, Unit = Tipster, Description = Tipster, Basis = Tipster,
            ResponsibleUnit = Tipster, HandedOverTo = Tipster, FixNote = Tipster, RejectReason = Tipster, VerificationOpinion = Tipster,
            ResponsiblePerson = "王责任人",
            DeadlineChanges = [new Core.Ledger.DeadlineChange { Reason = Tipster }],
        };

        FindingText.ScrubIdentities(everywhere);

        var texts = new[]
        {
            everywhere.SectorOther, everywhere.City, everywhere.Place, everywhere.Unit, everywhere.Description, everywhere.Basis,
            everywhere.ResponsibleUnit, everywhere.HandedOverTo, everywhere.FixNote, everywhere.RejectReason, everywhere.VerificationOpinion,
            everywhere.DeadlineChanges[0].Reason,
        };
        Assert.All(texts, text => AssertNoIdentity(text!, "张三", "13812345678"));
        Assert.All(texts, text => Assert.Contains(IdentityScrubber.Removed, text!, StringComparison.Ordinal));
        Assert.Equal("王责任人", everywhere.ResponsiblePerson);
        Assert.True(FindingText.HadIdentityRemoved(everywhere));

        var onlyAReason = new Finding { Code = "G7-002", Unit = "某单位", Description = "某问题", DeadlineChanges = [new Core.Ledger.DeadlineChange { Reason = Tipster }] };
        Assert.False(FindingText.HadIdentityRemoved(onlyAReason));
        FindingText.ScrubIdentities(onlyAReason);
        Assert.True(FindingText.HadIdentityRemoved(onlyAReason));
    }
}
