using Assistant.Core.Conversations;
using Assistant.Core.Findings;
using Assistant.Core.Messaging;
using Assistant.Core.Teams;
using Assistant.Tests.Support;

namespace Assistant.Tests.Findings;

public sealed class FindingFlowTests
{
    private const long Member = 701;

    /// <summary>Answers every required question up to the summary card (the optional ones are reached from the card).</summary>
    internal static void WalkToReview(CoreHarness h, long user, string unit = "长沙某化工有限公司", bool covert = false, bool major = false, string city = "长沙市望城区")
    {
        h.Send(user, "/finding");
        h.Press(user, "安全生产责任落实");
        h.Press(user, "危险化学品");
        h.Press(user, "实地检查");
        h.Press(user, covert ? "暗访" : "明查");
        h.Send(user, city);
        h.Send(user, unit);
        h.Send(user, "甲类仓库与办公楼防火间距不足");
        h.Press(user, "描述完成");
        h.Press(user, major ? "重大事故隐患" : "一般隐患");
        if (major)
        {
            h.Send(user, "《判定标准》第一条");
        }
    }

    internal static Finding Record(CoreHarness h, long user, string unit = "长沙某化工有限公司", bool covert = false, string city = "长沙市望城区")
    {
        WalkToReview(h, user, unit, covert, city: city);
        h.Press(user, "保存");
        return h.Get<FindingStore>().ByAuthor(h.Get<TeamStore>().GetMember(user)!.TeamId, user)[0];
    }

    private static CoreHarness WithTeam(out Team team)
    {
        var h = CoreHarness.Create();
        team = h.CreateTeam();
        h.AddMember(team, Member, Role.Member, "李明");
        return h;
    }

    [Fact]
    public void Review_ADraftLikeARecordedFinding_OffersToAddItAsEvidence_AndSavingSeparatelyStillWorks()
    {
        using var h = WithTeam(out var team);
        h.AddMember(team, 702, Role.Member, "王芳");
        h.AddMember(team, 703, Role.Member, "赵强");
        var first = Record(h, Member);

        // Precondition: the second member reaches the card, which names the recorded finding and offers a choice.
        WalkToReview(h, 702);
        Assert.Contains("请核对", h.LastText(702), StringComparison.Ordinal);
        Assert.Contains($"与本组已记录的{first.Code}", h.LastText(702), StringComparison.Ordinal);
        h.Press(702, $"作为{first.Code}的补充证据");

        Assert.Contains($"已作为补充证据并入{first.Code}", h.LastText(702), StringComparison.Ordinal);
        var findings = h.Get<FindingStore>().OfTeam(team.Id);
        var second = Assert.Single(findings, f => f.Id != first.Id);
        Assert.Equal(first.Id, second.MergedIntoId);
        Assert.Contains(h.Get<FindingStore>().Get(first.Id)!.Contributors, c => c.Name == "王芳");
        Assert.Null(h.Get<DraftStore>().Get(702));

        // The third member is offered the same, and saves a finding of their own instead.
        WalkToReview(h, 703);
        Assert.Contains(first.Code, h.LastText(703), StringComparison.Ordinal);
        h.Press(703, "保存");
        var third = Assert.Single(h.Get<FindingStore>().ByAuthor(team.Id, 703));
        Assert.Null(third.MergedIntoId);
    }

    [Fact]
    public void Flow_TwoMembersAnsweringInTurn_EachMachineDecidesOnTheirOwnDraft()
    {
        // The flow's machine is configured once and reused turn after turn: its guards must read the draft of the
        // turn being run. Both members stand at the severity question; the same press leads each by their own answer.
        using var h = WithTeam(out var team);
        h.AddMember(team, 702, Role.Member, "王芳");
        foreach (var user in new[] { Member, 702L })
        {
            h.Send(user, "/finding");
            h.Press(user, "安全生产责任落实");
            h.Press(user, "危险化学品");
            h.Press(user, "实地检查");
            h.Press(user, "明查");
            h.Send(user, "长沙市望城区");
            h.Send(user, "长沙某化工有限公司");
            h.Send(user, "甲类仓库与办公楼防火间距不足");
            h.Press(user, "描述完成");
        }

        h.Press(Member, "重大事故隐患");
        h.Press(702, "一般隐患");

        Assert.Contains("违反了哪条依据", h.LastText(Member), StringComparison.Ordinal);
        Assert.Contains("请核对", h.LastText(702), StringComparison.Ordinal);
        h.Send(Member, "《判定标准》第一条");
        Assert.Contains("请核对", h.LastText(Member), StringComparison.Ordinal);
        h.Press(702, "保存");
        h.Press(Member, "保存");
        var saved = h.Get<FindingStore>().OfTeam(team.Id);
        Assert.Equal(Severity.MajorHazard, Assert.Single(saved, f => f.AuthorId == Member).Severity);
        Assert.Equal(Severity.GeneralHazard, Assert.Single(saved, f => f.AuthorId == 702).Severity);
    }

    [Fact]
    public void Flow_AllStepsWithButtons_SavesAClassifiedNumberedFinding()
    {
        using var h = WithTeam(out var team);

        WalkToReview(h, Member, major: true);
        Assert.Contains("请核对", h.LastText(Member), StringComparison.Ordinal);
        h.Press(Member, "✎ 地点");
        h.Send(Member, "化工园区东门");
        Assert.Contains("请核对", h.LastText(Member), StringComparison.Ordinal);
        h.Press(Member, "保存");

        var finding = Assert.Single(h.Get<FindingStore>().OfTeam(team.Id));
        Assert.Equal("G7-001", finding.Code);
        Assert.Equal(Aspect.Responsibilities, finding.Aspect);
        Assert.Equal(Sector.HazardousChemicals, finding.Sector);
        Assert.Equal(Method.OnSiteInspection, finding.Method);
        Assert.False(finding.Covert);
        Assert.Equal("长沙市望城区", finding.City);
        Assert.Equal("化工园区东门", finding.Place);
        Assert.Equal("长沙某化工有限公司", finding.Unit);
        Assert.Equal(Severity.MajorHazard, finding.Severity);
        Assert.Equal("《判定标准》第一条", finding.Basis);
        Assert.Equal(new DateOnly(2023, 11, 2), finding.Day);
        Assert.Equal("李明", finding.AuthorName);
        Assert.Contains("已保存为 G7-001", h.LastText(Member), StringComparison.Ordinal);
        Assert.Null(h.Get<DraftStore>().Get(Member));
    }

    [Fact]
    public void Flow_SecondFinding_GetsTheNextNumber()
    {
        using var h = WithTeam(out var team);

        Record(h, Member);
        Record(h, Member, "株洲某燃气公司");

        Assert.Equal(["G7-001", "G7-002"], h.Get<FindingStore>().OfTeam(team.Id).Select(f => f.Code).ToArray());
    }

    [Fact]
    public void Flow_UnitsAndCitiesUsedBefore_AreOfferedAsButtonsThatWork()
    {
        using var h = WithTeam(out var team);
        Record(h, Member, "长沙某化工有限公司");
        h.Send(Member, "/finding");
        h.Press(Member, "安全生产责任落实");
        h.Press(Member, "消防");
        h.Press(Member, "实地检查");
        h.Press(Member, "明查");

        h.Press(Member, "长沙市望城区");
        h.Press(Member, "长沙某化工有限公司");
        h.Send(Member, "又一个问题");
        h.Press(Member, "描述完成");
        h.Press(Member, "问题");
        h.Press(Member, "保存");

        var second = h.Get<FindingStore>().OfTeam(team.Id)[1];
        Assert.Equal("长沙市望城区", second.City);
        Assert.Equal("长沙某化工有限公司", second.Unit);
    }

    [Fact]
    public void Flow_TypedLabelsAndNumbers_WorkLikeButtons()
    {
        using var h = WithTeam(out var team);

        h.Send(Member, "/finding");
        h.Send(Member, "4");
        h.Send(Member, "城镇燃气");
        h.Send(Member, "个别谈话");
        h.Send(Member, "2");
        h.Send(Member, "株洲市");
        h.Send(Member, "株洲某燃气公司");
        h.Send(Member, "瓶装液化气无追溯");
        h.Send(Member, "描述完成");
        h.Send(Member, "问题");

        Assert.Contains("请核对", h.LastText(Member), StringComparison.Ordinal);
        h.Send(Member, "保存"); // the button reads "✅ 保存"
        var finding = h.Get<FindingStore>().OfTeam(team.Id)[0];
        Assert.Equal(Aspect.Grassroots, finding.Aspect);
        Assert.Equal(Sector.UrbanGas, finding.Sector);
        Assert.Equal(Method.Interviews, finding.Method);
        Assert.True(finding.Covert);
        Assert.Null(finding.Place);
        Assert.Equal(Severity.Problem, finding.Severity);
    }

    [Theory]
    [InlineData("随便写写")]
    [InlineData("99")]
    [InlineData("0")]
    public void Flow_TextWhereAButtonIsNeeded_SaysSoAndAsksAgain(string text)
    {
        using var h = WithTeam(out _);
        h.Send(Member, "/finding");

        h.Send(Member, text);

        var messages = h.Messages(Member);
        Assert.Contains("请点选下面的按钮", Html.ToPlainText(messages[^2].Html), StringComparison.Ordinal);
        Assert.Contains("属于哪个方面", h.LastText(Member), StringComparison.Ordinal);
        Assert.Equal("Aspect", h.Get<DraftStore>().Get(Member)!.State);
    }

    [Fact]
    public void Flow_PhotoWhereTextIsNeeded_IsKeptAsEvidenceAndTheQuestionRepeats()
    {
        using var h = WithTeam(out var team);
        h.Send(Member, "/finding");
        h.Press(Member, "安全生产责任落实");

        h.Dispatch(Photo(Member, "photo-1"));

        Assert.Contains("证据", Html.ToPlainText(h.Messages(Member)[^2].Html), StringComparison.Ordinal);
        Assert.Contains("哪个领域", h.LastText(Member), StringComparison.Ordinal);
        WalkRestAfterSector(h);
        Assert.Equal("photo-1", Assert.Single(h.Get<FindingStore>().OfTeam(team.Id)[0].Evidence).FileId);
    }

    [Fact]
    public void Flow_StickerWhereTextIsNeeded_IsRefusedClearlyAndNothingChanges()
    {
        using var h = WithTeam(out _);
        h.Send(Member, "/finding");
        h.Press(Member, "安全生产责任落实");

        h.Dispatch(CoreHarness.Text(Member, "") with { Text = null, Files = [new IncomingFile(FileKind.Sticker, "sticker-1")] });

        Assert.Contains("不能作为证据", h.AllText(Member), StringComparison.Ordinal);
        Assert.Equal("Sector", h.Get<DraftStore>().Get(Member)!.State);
    }

    [Fact]
    public void Flow_TenThousandCharacterDescription_IsKeptWholeAndTheCardIsShortened()
    {
        using var h = WithTeam(out var team);
        var text = string.Concat(Enumerable.Repeat("隐患描述<b>&amp;*_", 800))[..10_000];
        h.Send(Member, "/finding");
        h.Press(Member, "安全生产责任落实");
        h.Press(Member, "危险化学品");
        h.Press(Member, "实地检查");
        h.Press(Member, "明查");
        h.Send(Member, "长沙市");
        h.Send(Member, "某单位");
        h.Send(Member, text);
        h.Press(Member, "描述完成");
        h.Press(Member, "一般隐患");

        Assert.Contains("共 10000 字", h.LastText(Member), StringComparison.Ordinal);
        Assert.All(h.Messages(Member), m => Assert.True(m.Html.Length <= TextSplitter.MaxLength));
        h.Press(Member, "保存");
        Assert.Equal(text, h.Get<FindingStore>().OfTeam(team.Id)[0].Description);
    }

    [Fact]
    public void Flow_HtmlMarkdownAndEmojiInAnswers_AreStoredAsTypedAndEscapedOnTheCard()
    {
        using var h = WithTeam(out var team);
        const string unit = "<script>alert(1)</script> *Bold* _x_ 🔥 &amp;";

        Record(h, Member, unit);

        Assert.Equal(unit, h.Get<FindingStore>().OfTeam(team.Id)[0].Unit);
        var card = h.Messages(Member).Last(m => m.Html.Contains("G7-001", StringComparison.Ordinal)).Html;
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; *Bold* _x_ 🔥 &amp;amp;", card, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Flow_SharedLocationAfterTheCity_IsKeptAsThePlaceAndTheQuestionRepeats()
    {
        using var h = WithTeam(out var team);
        h.Send(Member, "/finding");
        h.Press(Member, "安全生产责任落实");
        h.Press(Member, "危险化学品");
        h.Press(Member, "实地检查");
        h.Press(Member, "明查");
        h.Send(Member, "长沙市望城区");

        h.Dispatch(CoreHarness.Text(Member, "") with { Text = null, Location = new GeoPoint(28.3514, 112.8197) });

        Assert.Contains("被检查单位", h.LastText(Member), StringComparison.Ordinal);
        h.Send(Member, "某化工");
        h.Send(Member, "问题");
        h.Press(Member, "描述完成");
        h.Press(Member, "一般隐患");
        Assert.Contains("28.35140, 112.81970", h.LastText(Member), StringComparison.Ordinal);
        h.Press(Member, "保存");
        var finding = h.Get<FindingStore>().OfTeam(team.Id)[0];
        Assert.Equal(28.3514, finding.Latitude);
        Assert.Equal(112.8197, finding.Longitude);
    }

    [Fact]
    public void Flow_EvidenceStep_CollectsSeveralPhotosAndDocuments()
    {
        using var h = WithTeam(out var team);
        h.Send(Member, "/finding");
        h.Press(Member, "安全生产责任落实");
        h.Press(Member, "消防");
        h.Press(Member, "实地检查");
        h.Press(Member, "明查");
        h.Send(Member, "长沙市");
        h.Send(Member, "某商场");
        h.Send(Member, "疏散通道堵塞");
        h.Press(Member, "描述完成");
        h.Press(Member, "一般隐患");
        h.Press(Member, "✎ 证据");

        h.Dispatch(Photo(Member, "p1"));
        h.Dispatch(Photo(Member, "p2"));
        h.Dispatch(CoreHarness.Text(Member, "") with { Text = null, Files = [new IncomingFile(FileKind.Document, "d1", "检查记录.pdf", "application/pdf", 1000)] });
        Assert.Contains("照片2张、文件1份", h.LastText(Member), StringComparison.Ordinal);
        h.Send(Member, "这是文字");
        Assert.Contains("需要照片或文件", h.AllText(Member), StringComparison.Ordinal);
        h.Press(Member, "下一步");
        h.Press(Member, "保存");

        Assert.Equal(["p1", "p2", "d1"], h.Get<FindingStore>().OfTeam(team.Id)[0].Evidence.Select(e => e.FileId).ToArray());
    }

    [Fact]
    public void Flow_PhotoOutsideAFlow_StartsAFindingWithThePhotoAndItsCaption()
    {
        using var h = WithTeam(out var team);

        h.Dispatch(Photo(Member, "photo-x") with { Text = "灭火器过期" });

        Assert.Contains("已按说明文字填好问题草稿", h.AllText(Member), StringComparison.Ordinal);
        h.Press(Member, "安全生产责任落实");
        h.Press(Member, "实地检查");
        h.Press(Member, "明查");
        h.Send(Member, "长沙市");
        h.Send(Member, "某宾馆");
        Assert.Contains("请核对", h.LastText(Member), StringComparison.Ordinal);
        Assert.Contains("灭火器过期", h.LastText(Member), StringComparison.Ordinal);
        Assert.DoesNotContain("哪个领域", h.AllText(Member), StringComparison.Ordinal); // 灭火器: the sector is suggested
        h.Press(Member, "保存");
        var finding = h.Get<FindingStore>().OfTeam(team.Id)[0];
        Assert.Equal((Sector.Fire, "photo-x"), (finding.Sector, finding.Evidence.Single().FileId));
    }

    [Fact]
    public void ResponsibleUnit_OffersTheUnitInspectedAndTheTeamsLatest_ButNoCovertFindingsTheMemberMayNotSee()
    {
        const long Other = 702;
        using var h = WithTeam(out var team);
        h.AddMember(team, Other, Role.Member, "张伟");
        WalkToReview(h, Other, unit: "株洲某液化气站", covert: true);
        h.Press(Other, "整改信息");
        h.Press(Other, "责任单位");
        h.Send(Other, "株洲市燃气管理处");
        h.Press(Other, "下一步：核对");
        h.Press(Other, "保存");
        WalkToReview(h, Other, unit: "长沙市望城区应急管理局");
        h.Press(Other, "整改信息");
        h.Press(Other, "责任单位");
        h.Send(Other, "望城区人民政府");
        h.Press(Other, "下一步：核对");
        h.Press(Other, "保存");

        WalkToReview(h, Member);
        h.Press(Member, "整改信息");
        h.Press(Member, "责任单位");
        var buttons = h.LatestButtons(Member).Select(b => b.Label).ToList();
        Assert.Equal("长沙某化工有限公司", buttons[0]);
        Assert.Contains("望城区人民政府", buttons);
        Assert.DoesNotContain("株洲市燃气管理处", buttons);
        Assert.DoesNotContain("株洲", h.AllText(Member), StringComparison.Ordinal);
        h.Press(Member, "望城区人民政府");
        h.Press(Member, "下一步：核对");
        h.Press(Member, "保存");

        Assert.Equal("望城区人民政府", h.Get<FindingStore>().ByAuthor(team.Id, Member)[0].ResponsibleUnit);
    }

    [Fact]
    public void Flow_OptionalDetailsAndDates_AreAskedAndValidated()
    {
        using var h = WithTeam(out var team);
        WalkToReview(h, Member);
        h.Press(Member, "整改信息");
        h.Press(Member, "责任单位");
        h.Send(Member, "望城区应急管理局");
        h.Press(Member, "责任人");
        h.Send(Member, "王五 13800000000");
        h.Press(Member, "整改期限");

        h.Send(Member, "2月30日");
        Assert.Contains("不是一个存在的日期", h.AllText(Member), StringComparison.Ordinal);
        h.Send(Member, "2023-10-01");
        Assert.Contains("已经过去了", h.AllText(Member), StringComparison.Ordinal);
        h.Send(Member, "5/11");
        Assert.Contains("两个不同的日期", h.AllText(Member), StringComparison.Ordinal);
        h.Send(Member, "下周一");
        h.Press(Member, "立行立改");
        h.Press(Member, "下一步：核对");
        h.Press(Member, "保存");

        var finding = h.Get<FindingStore>().OfTeam(team.Id)[0];
        Assert.Equal("望城区应急管理局", finding.ResponsibleUnit);
        Assert.Equal("王五 13800000000", finding.ResponsiblePerson);
        Assert.Equal(new DateOnly(2023, 11, 6), finding.Deadline);
        Assert.True(finding.FixedOnSpot);
    }

    [Theory]
    [InlineData("3天后", 2023, 11, 5)]
    [InlineData("11月30日", 2023, 11, 30)]
    [InlineData("+7", 2023, 11, 9)]
    [InlineData("next monday", 2023, 11, 6)]
    [InlineData("in 3 days", 2023, 11, 5)]
    [InlineData("30/11", 2023, 11, 30)]
    public void Flow_DeadlineAsPeopleTypeIt_IsResolvedInTeamTime(string typed, int year, int month, int day)
    {
        using var h = WithTeam(out var team);
        WalkToReview(h, Member);
        h.Press(Member, "整改信息");
        h.Press(Member, "整改期限");
        h.Send(Member, typed);
        h.Press(Member, "下一步：核对");
        h.Press(Member, "保存");

        Assert.Equal(new DateOnly(year, month, day), h.Get<FindingStore>().OfTeam(team.Id)[0].Deadline);
    }

    [Fact]
    public void Flow_DeadlineQuickButton_CountsFromTodayInTeamTime()
    {
        // 17:00 UTC on the 2nd is already 01:00 on the 3rd in Changsha: +7 counts from the 3rd.
        using var h = CoreHarness.Create(start: new DateTimeOffset(2023, 11, 2, 17, 0, 0, TimeSpan.Zero));
        var team = h.CreateTeam();
        h.AddMember(team, Member, Role.Member);
        WalkToReview(h, Member);
        h.Press(Member, "整改信息");
        h.Press(Member, "整改期限");
        h.Press(Member, "7天后");
        h.Press(Member, "下一步：核对");
        h.Press(Member, "保存");

        Assert.Equal(new DateOnly(2023, 11, 10), h.Get<FindingStore>().OfTeam(team.Id)[0].Deadline);
    }

    [Fact]
    public void Review_EditAField_ReturnsToTheCardWithTheNewValue()
    {
        using var h = WithTeam(out var team);
        WalkToReview(h, Member);

        h.Press(Member, "被检查单位");
        h.Send(Member, "湘潭某钢铁公司");

        Assert.Contains("请核对", h.LastText(Member), StringComparison.Ordinal);
        Assert.Contains("湘潭某钢铁公司", h.LastText(Member), StringComparison.Ordinal);
        h.Press(Member, "性质");
        h.Press(Member, "重大事故隐患");
        Assert.Contains("依据", h.LastText(Member), StringComparison.Ordinal);
        h.Press(Member, "稍后补充");
        Assert.Contains("请核对", h.LastText(Member), StringComparison.Ordinal);
        h.Press(Member, "保存");
        var finding = h.Get<FindingStore>().OfTeam(team.Id)[0];
        Assert.Equal("湘潭某钢铁公司", finding.Unit);
        Assert.Equal(Severity.MajorHazard, finding.Severity);
    }

    [Fact]
    public void Review_Cancel_SavesNothing()
    {
        using var h = WithTeam(out var team);
        WalkToReview(h, Member);

        h.Press(Member, "取消");

        Assert.Empty(h.Get<FindingStore>().OfTeam(team.Id));
        Assert.Null(h.Get<DraftStore>().Get(Member));
        Assert.Contains("没有保存", h.LastText(Member), StringComparison.Ordinal);
    }

    [Fact]
    public void CancelCommand_MidFlow_DropsTheDraftOnly()
    {
        using var h = WithTeam(out var team);
        Record(h, Member);
        h.Send(Member, "/finding");
        h.Press(Member, "安全生产责任落实");

        h.Send(Member, "/cancel");

        Assert.Null(h.Get<DraftStore>().Get(Member));
        Assert.Single(h.Get<FindingStore>().OfTeam(team.Id));
        Assert.Contains("已退出", h.LastText(Member), StringComparison.Ordinal);
    }

    [Fact]
    public void FindingAgain_BeforeTheFirstAnswer_SaysItContinues_WithoutAnEmptyListAfterAColon()
    {
        using var h = CoreHarness.Create();
        h.AddMember(h.CreateTeam(), Member, Role.Member);
        h.Send(Member, "/finding");
        Assert.Contains("哪个方面", h.LastText(Member), StringComparison.Ordinal);

        h.Send(Member, "/finding");
        var texts = h.AllText(Member);
        Assert.Contains("您有未完成的“记录问题”，从上次停下的地方继续。", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("继续：", texts, StringComparison.Ordinal);
        Assert.Contains("哪个方面", h.LastText(Member), StringComparison.Ordinal);
    }

    [Fact]
    public void Restart_MidFlow_ResumesAtTheSameStepWithWhatWasEntered()
    {
        using var folder = new TempFolder();
        using (var h = CoreHarness.Create(folder))
        {
            h.AddMember(h.CreateTeam(), Member, Role.Member);
            h.Send(Member, "/finding");
            h.Press(Member, "安全生产责任落实");
            h.Press(Member, "危险化学品");
            h.Press(Member, "实地检查");
            h.Press(Member, "暗访");
            h.Send(Member, "长沙市望城区");
        }

        using var restarted = CoreHarness.Create(folder);
        restarted.Send(Member, "/finding");
        Assert.Contains("您有未完成的“记录问题”，继续：危险化学品 · 长沙市望城区", restarted.AllText(Member), StringComparison.Ordinal);
        Assert.Contains("被检查单位", restarted.LastText(Member), StringComparison.Ordinal);
        restarted.Send(Member, "某化工");
        restarted.Send(Member, "问题描述");
        restarted.Press(Member, "描述完成");
        restarted.Press(Member, "一般隐患");
        restarted.Press(Member, "保存");

        var finding = restarted.Get<FindingStore>().ByAuthor(restarted.Get<TeamStore>().GetMember(Member)!.TeamId, Member)[0];
        Assert.True(finding.Covert);
        Assert.Equal("长沙市望城区", finding.City);
        Assert.Equal(Sector.HazardousChemicals, finding.Sector);
    }

    [Fact]
    public void StaleButton_FromAnEarlierQuestion_ChangesNothingAndSaysSo()
    {
        using var h = WithTeam(out _);
        h.Send(Member, "/finding");
        var oldButtons = h.LatestButtons(Member);
        h.Press(Member, "安全生产责任落实");

        h.PressData(Member, oldButtons.First(b => b.Label.Contains("基层", StringComparison.Ordinal)).Data);

        Assert.Contains("已经回答过", h.AllText(Member), StringComparison.Ordinal);
        Assert.Contains("哪个领域", h.LastText(Member), StringComparison.Ordinal);
        Assert.Equal("Sector", h.Get<DraftStore>().Get(Member)!.State);
    }

    [Fact]
    public void StaleButton_FromAFinishedDraft_SaysItExpired()
    {
        using var h = WithTeam(out var team);
        WalkToReview(h, Member);
        var save = h.LatestButtons(Member).Single(b => b.Label.Contains("保存", StringComparison.Ordinal)).Data;
        h.PressData(Member, save);

        h.PressData(Member, save);

        Assert.Single(h.Get<FindingStore>().OfTeam(team.Id));
        Assert.Contains("按钮已过期", h.LastText(Member), StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_UntouchedLongerThanTheTimeout_IsDroppedWithANotice()
    {
        using var h = WithTeam(out _);
        h.Send(Member, "/finding");
        h.Press(Member, "安全生产责任落实");

        h.Time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(1, h.Get<DraftJanitor>().Sweep());

        Assert.Null(h.Get<DraftStore>().Get(Member));
        Assert.Contains("24 小时未操作", h.LastText(Member), StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_ExpiredWhenTheMemberComesBack_IsDroppedAndTheTextBecomesANote()
    {
        using var h = WithTeam(out _);
        h.Send(Member, "/finding");
        h.Time.Advance(TimeSpan.FromHours(30));

        h.Send(Member, "危险化学品");

        var text = h.AllText(Member);
        Assert.Contains("已自动放弃", text, StringComparison.Ordinal);
        Assert.Contains("已记为", h.LastText(Member), StringComparison.Ordinal);
    }

    internal static IncomingUpdate Photo(long user, string fileId) =>
        CoreHarness.Text(user, "") with { Text = null, Files = [new IncomingFile(FileKind.Photo, fileId, null, "image/jpeg", 12345)] };

    private static void WalkRestAfterSector(CoreHarness h)
    {
        h.Press(Member, "危险化学品");
        h.Press(Member, "实地检查");
        h.Press(Member, "明查");
        h.Send(Member, "长沙市");
        h.Send(Member, "某单位");
        h.Send(Member, "问题");
        h.Press(Member, "描述完成");
        h.Press(Member, "一般隐患");
        h.Press(Member, "保存");
    }
}
