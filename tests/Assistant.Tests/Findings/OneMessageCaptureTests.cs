using Assistant.Core.Conversations;
using Assistant.Core.Findings;
using Assistant.Core.Findings.Suggestions;
using Assistant.Core.Jobs;
using Assistant.Core.Messaging;
using Assistant.Core.Notes;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;

namespace Assistant.Tests.Findings;

/// <summary>A finding from one message: a photo with its caption, a note turned into a finding; suggestions to confirm on the card.</summary>
public sealed class OneMessageCaptureTests
{
    private const long Member = 701;
    private const string GasText = "长沙市岳麓区某某燃气有限公司钢瓶间未安装可燃气体报警装置";

    private static CoreHarness WithTeam(out Team team, IDictionary<string, string?>? settings = null)
    {
        var h = CoreHarness.Create(settings: settings);
        team = h.CreateTeam();
        h.AddMember(team, Member, Role.Member, "李明");
        return h;
    }

    private static Dictionary<string, string?> ModelSettings(FakeModelServer server) => new()
    {
        ["AI:Endpoint"] = server.BaseUrl.ToString(),
        ["AI:Model"] = "test-model",
        ["AI:ApiKey"] = "test-key",
    };

    private static IncomingUpdate PhotoWithCaption(string caption) =>
        FindingFlowTests.Photo(Member, "photo-1") with { Text = caption };

    /// <summary>An open finding at the unit and place <see cref="GasText"/> names, so a draft from that text may take its openness.</summary>
    private static void RecordAtTheGasUnit(CoreHarness h)
    {
        var rules = new RuleSuggester().Suggest(GasText);
        FindingFlowTests.Record(h, Member, rules.Unit!, city: rules.Place!);
    }

    private static Finding Saved(CoreHarness h, Team team) => h.Get<FindingStore>().ByAuthor(team.Id, Member)[0];

    [Fact]
    public void PhotoWithCaption_SecondOfTheDay_OpensTheCardFilledFromIt_AndOneTapSavesIt()
    {
        using var h = WithTeam(out var team);
        var rules = new RuleSuggester().Suggest(GasText);
        RecordAtTheGasUnit(h);

        h.Dispatch(PhotoWithCaption(GasText));

        var card = h.LastText(Member);
        Assert.Contains("请核对", card, StringComparison.Ordinal);
        Assert.Contains("是根据你发来的内容或你今天上一个问题自动填写的建议", card, StringComparison.Ordinal);
        Assert.Contains("领域", card, StringComparison.Ordinal);
        var taps = 0;
        taps++;
        h.Press(Member, "确认建议并保存");

        Assert.InRange(taps, 1, 3);
        var finding = h.Get<FindingStore>().OfTeam(team.Id).Single(f => f.Description == GasText);
        Assert.Equal(Sector.UrbanGas, finding.Sector);
        Assert.Equal(rules.Severity ?? Severity.GeneralHazard, finding.Severity);
        Assert.Equal(rules.Unit, finding.Unit);
        Assert.Equal(rules.Place, finding.City);
        Assert.Equal(Method.OnSiteInspection, finding.Method); // the member's last finding today
        Assert.Equal("photo-1", Assert.Single(finding.Evidence).FileId);
        Assert.Null(h.Get<DraftStore>().Get(Member));
    }

    [Fact]
    public void PhotoWithCaption_FirstOfTheDay_AsksOnlyWhatTheTextDoesNotSay()
    {
        using var h = WithTeam(out var team);

        h.Dispatch(PhotoWithCaption(GasText + "，存在重大事故隐患"));

        var asked = PressUpToTheCard(h);

        Assert.DoesNotContain(asked, q => q.Contains("哪个领域", StringComparison.Ordinal) || q.Contains("被检查单位", StringComparison.Ordinal)
            || q.Contains("发现了什么问题", StringComparison.Ordinal) || q.Contains("问题的性质", StringComparison.Ordinal));
        h.Press(Member, "保存");
        var finding = Saved(h, team);
        Assert.Equal((Sector.UrbanGas, Severity.MajorHazard, Aspect.Grassroots), (finding.Sector, finding.Severity, finding.Aspect));
        Assert.Equal(GasText + "，存在重大事故隐患", finding.Description);
    }

    [Fact]
    public void TextNote_ToFinding_WithoutAModel_SavesInTwoTaps_AndLinksTheNote()
    {
        using var h = WithTeam(out var team);
        FindingFlowTests.Record(h, Member);
        h.Send(Member, "三楼疏散通道被货物堵塞，防火门常开");

        h.Press(Member, "转为问题");
        Assert.Contains("请核对", h.LastText(Member), StringComparison.Ordinal);
        h.Press(Member, "保存");

        var finding = Saved(h, team);
        Assert.Equal("三楼疏散通道被货物堵塞，防火门常开", finding.Description);
        Assert.Equal(Sector.Fire, finding.Sector);
        Assert.Equal(Severity.GeneralHazard, finding.Severity);
        Assert.Equal(finding.Id, h.Get<NoteStore>().OfTeam(team.Id)[0].FindingId);
        Assert.DoesNotContain(h.Get<JobStore>().All(), j => j.Kind == SuggestionRefinement.JobKind);
    }

    [Fact]
    public void ASuggestion_EditedOnTheCard_IsNoLongerMarked_AndTheOthersStay()
    {
        using var h = WithTeam(out var team);
        FindingFlowTests.Record(h, Member);
        h.Send(Member, "三楼疏散通道被货物堵塞，防火门常开");
        h.Press(Member, "转为问题");

        h.Press(Member, "✎ 领域");
        h.Press(Member, "人员密集场所");

        var card = h.LastText(Member);
        var line = card[card.IndexOf("💡", StringComparison.Ordinal)..];
        Assert.DoesNotContain("领域", line, StringComparison.Ordinal);
        Assert.Contains("性质", line, StringComparison.Ordinal);
        h.Press(Member, "保存");
        Assert.Equal(Sector.CrowdedPlaces, Saved(h, team).Sector);
    }

    [Fact]
    public void VoiceNote_ToFinding_KeepsTheAudioAsEvidence()
    {
        using var h = WithTeam(out var team);
        FindingFlowTests.Record(h, Member);
        h.Dispatch(CoreHarness.Text(Member, "") with { Text = null, Files = [new IncomingFile(FileKind.Voice, "voice-1", null, "audio/ogg", 5000, 12)] });

        h.Press(Member, "转为问题");
        Assert.Contains("发现了什么问题", h.LastText(Member), StringComparison.Ordinal);
        h.Send(Member, "配电室门口堆放杂物");
        h.Press(Member, "描述完成");
        h.Press(Member, "一般隐患");
        h.Press(Member, "保存");

        var evidence = Assert.Single(Saved(h, team).Evidence);
        Assert.Equal((EvidenceKind.Voice, "voice-1"), (evidence.Kind, evidence.FileId));
    }

    [Fact]
    public async Task TextNote_ToFinding_WithAModel_TheModelsSuggestionsFollow_AndTheEarlierCardIsStale()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Reply(_ => """{"sector": "UrbanGas", "aspect": "Campaigns", "severity": "MajorHazard", "unit": "某某燃气有限公司", "place": "长沙市岳麓区"}""");
        using var h = WithTeam(out var team, ModelSettings(server));
        RecordAtTheGasUnit(h);
        h.Send(Member, GasText);
        h.Press(Member, "转为问题");
        var rulesCard = h.LatestButtons(Member).Single(b => b.Label.Contains("保存", StringComparison.Ordinal)).Data;
        Assert.Empty(server.Requests);

        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);

        Assert.Single(server.Requests);
        Assert.Contains("重大专项行动", h.LastText(Member), StringComparison.Ordinal);
        h.PressData(Member, rulesCard);
        Assert.Contains("已经回答过", h.AllText(Member), StringComparison.Ordinal);
        Assert.DoesNotContain(h.Get<FindingStore>().OfTeam(team.Id), f => f.Description == GasText);
        h.Press(Member, "确认建议并保存");
        var finding = Saved(h, team);
        Assert.Equal((Aspect.Campaigns, Severity.MajorHazard, Sector.UrbanGas), (finding.Aspect, finding.Severity, finding.Sector));
        Assert.Equal(("某某燃气有限公司", "长沙市岳麓区"), (finding.Unit, finding.City));
    }

    [Fact]
    public async Task TheModelsSuggestions_AfterTheMemberAnswered_ChangeNothing()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Reply(_ => """{"sector": "Fire", "aspect": "Campaigns", "severity": "Problem"}""");
        using var h = WithTeam(out var team, ModelSettings(server));
        RecordAtTheGasUnit(h);
        h.Send(Member, GasText);
        h.Press(Member, "转为问题");
        h.Press(Member, "✎ 领域");
        h.Press(Member, "城镇燃气");
        var before = h.Messages(Member).Count;

        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);

        Assert.Single(server.Requests);
        Assert.Equal(before, h.Messages(Member).Count);
        h.Press(Member, "保存");
        Assert.Equal(Sector.UrbanGas, Saved(h, team).Sector);
    }

    /// <summary>Presses the answer to each button question the flow asks, up to the card; returns the questions asked.</summary>
    private static List<string> PressUpToTheCard(CoreHarness h)
    {
        var asked = new List<string>();
        for (var i = 0; i < 8 && !h.LastText(Member).Contains("请核对", StringComparison.Ordinal); i++)
        {
            var question = h.LastText(Member);
            asked.Add(question);
            h.Press(Member, question.Contains("方面", StringComparison.Ordinal) ? "基层末梢抓工作落实"
                : question.Contains("方式", StringComparison.Ordinal) ? "实地检查"
                : question.Contains("明查还是暗访", StringComparison.Ordinal) ? "明查"
                : question.Contains("问题的性质", StringComparison.Ordinal) ? "一般隐患"
                : question.Contains("依据", StringComparison.Ordinal) ? "稍后补充"
                : throw new InvalidOperationException("Unexpected question: " + question));
        }

        return asked;
    }

    [Fact]
    public void TypedAtTheAspectQuestion_IsKeptAsTheDescription_WithSuggestions_AndNotAskedForAgain()
    {
        using var h = WithTeam(out var team);
        h.Send(Member, "/finding");
        Assert.Contains("属于哪个方面", h.LastText(Member), StringComparison.Ordinal);

        h.Send(Member, GasText);

        var said = string.Join("\n", h.Messages(Member).TakeLast(2).Select(m => Html.ToPlainText(m.Html)));
        Assert.Contains("已把这段文字记为问题描述", said, StringComparison.Ordinal);
        Assert.DoesNotContain("请点选下面的按钮", said, StringComparison.Ordinal);
        Assert.Equal(GasText, h.Get<DraftStore>().Get(Member)!.Data["Description"].AsString);

        var asked = PressUpToTheCard(h);

        Assert.DoesNotContain(asked, q => q.Contains("发现了什么问题", StringComparison.Ordinal)
            || q.Contains("哪个领域", StringComparison.Ordinal) || q.Contains("被检查单位", StringComparison.Ordinal));
        Assert.Contains("是根据你发来的内容或你今天上一个问题自动填写的建议", h.LastText(Member), StringComparison.Ordinal);
        h.Press(Member, "保存");
        var finding = Saved(h, team);
        Assert.Equal((GasText, Sector.UrbanGas, Method.OnSiteInspection), (finding.Description, finding.Sector, finding.Method));
        Assert.Equal(new RuleSuggester().Suggest(GasText).Unit, finding.Unit);
    }

    [Fact]
    public async Task TypedAtTheAspectQuestion_WithAModel_TheModelsSuggestionsFollow()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Reply(_ => """{"sector": "UrbanGas", "aspect": "Campaigns", "severity": "Problem", "unit": "某某燃气有限公司", "place": "长沙市岳麓区"}""");
        using var h = WithTeam(out var team, ModelSettings(server));
        h.Send(Member, "/finding");
        h.Send(Member, GasText);
        Assert.Contains("属于哪个方面", h.LastText(Member), StringComparison.Ordinal); // the rules suggest no aspect
        Assert.Empty(server.Requests);

        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);

        Assert.Single(server.Requests);
        var asked = PressUpToTheCard(h);
        Assert.DoesNotContain(asked, q => q.Contains("方面", StringComparison.Ordinal) || q.Contains("问题的性质", StringComparison.Ordinal));
        h.Press(Member, "保存");
        var finding = Saved(h, team);
        Assert.Equal((Aspect.Campaigns, Severity.Problem, Sector.UrbanGas, GasText), (finding.Aspect, finding.Severity, finding.Sector, finding.Description));
    }

    /// <summary>
    /// A command with a space before it is not routed as one (short text like "随便写写" is refused in
    /// <see cref="FindingFlowTests"/>): it reaches the question and must not become the description.
    /// </summary>
    [Fact]
    public void TypedAtTheAspectQuestion_ACommandAfterASpace_IsStillAMistypedButton()
    {
        using var h = WithTeam(out _);
        h.Send(Member, "/finding");

        h.Send(Member, " /notes today");

        Assert.Equal("Aspect", h.Get<DraftStore>().Get(Member)!.State);
        Assert.Contains("请点选下面的按钮", Html.ToPlainText(h.Messages(Member)[^2].Html), StringComparison.Ordinal);
        Assert.Equal("", h.Get<DraftStore>().Get(Member)!.Data["Description"].AsString);
    }

    [Fact]
    public void TypedAtAButtonQuestion_OnceADescriptionIsThere_ChangesNothing()
    {
        using var h = WithTeam(out _);
        h.Send(Member, "/finding");
        h.Send(Member, GasText);
        Assert.Contains("属于哪个方面", h.LastText(Member), StringComparison.Ordinal); // the text suggests no aspect: asked again

        h.Send(Member, "另外一段不相干的文字内容");

        Assert.Contains("请点选下面的按钮", Html.ToPlainText(h.Messages(Member)[^2].Html), StringComparison.Ordinal);
        Assert.Equal(GasText, h.Get<DraftStore>().Get(Member)!.Data["Description"].AsString);
    }

    [Fact]
    public void TypedAtTheAspectQuestion_InEnglish_TheMemberIsToldToo()
    {
        using var h = WithTeam(out _);
        h.Send(Member, "/lang");
        h.Press(Member, "English");
        h.Send(Member, "/finding");

        h.Send(Member, "Fire exit blocked by stored goods in the warehouse");

        Assert.Contains("Kept that text as the description", h.AllText(Member), StringComparison.Ordinal);
        Assert.Equal("Fire exit blocked by stored goods in the warehouse", h.Get<DraftStore>().Get(Member)!.Data["Description"].AsString);
    }

    /// <summary>The note a member wrote after recording a covert finding at another unit, in another city.</summary>
    private const string WangchengText = "长沙市望城区某化工企业储罐区防火堤破损";

    /// <summary>Answers the questions the flow asks, up to the card; returns the questions asked.</summary>
    private static List<string> AnswerUpToTheCard(CoreHarness h, string openness = "明查", string unit = "长沙某化工企业")
    {
        var asked = new List<string>();
        for (var i = 0; i < 6 && !h.LastText(Member).Contains("请核对", StringComparison.Ordinal); i++)
        {
            var question = h.LastText(Member);
            asked.Add(question);
            if (question.Contains("明查还是暗访", StringComparison.Ordinal))
            {
                h.Press(Member, openness);
            }
            else if (question.Contains("被检查单位是", StringComparison.Ordinal))
            {
                h.Send(Member, unit);
            }
            else if (question.Contains("在哪个市", StringComparison.Ordinal))
            {
                h.Send(Member, "长沙市望城区");
            }
            else
            {
                throw new InvalidOperationException("Unexpected question: " + question);
            }
        }

        return asked;
    }

    [Fact]
    public void NoteAfterACovertFinding_NamingAnotherPlace_TakesNeitherItsUnitNorItsCovertness_TheMemberChooses()
    {
        using var h = WithTeam(out var team);
        var covert = FindingFlowTests.Record(h, Member, "株洲某液化气站", covert: true, city: "株洲市");
        h.Send(Member, WangchengText);

        h.Press(Member, "转为问题");

        Assert.Contains("明查还是暗访", h.LastText(Member), StringComparison.Ordinal);
        var asked = AnswerUpToTheCard(h);
        var card = h.LastText(Member);
        Assert.DoesNotContain("株洲某液化气站", card, StringComparison.Ordinal);
        Assert.DoesNotContain("暗访", card, StringComparison.Ordinal);
        Assert.Contains("长沙市望城区", card, StringComparison.Ordinal);
        Assert.Contains(asked, q => q.Contains("被检查单位是", StringComparison.Ordinal));
        h.Press(Member, "确认建议并保存");
        var saved = h.Get<FindingStore>().OfTeam(team.Id).Single(f => f.Id != covert.Id);
        Assert.Equal((false, "长沙某化工企业", "长沙市望城区", WangchengText), (saved.Covert, saved.Unit, saved.City, saved.Description));
    }

    [Fact]
    public void NoteAfterACovertFinding_NamingNoPlace_StillAsksOpenOrCovert_AndTakesNoUnit()
    {
        using var h = WithTeam(out var team);
        FindingFlowTests.Record(h, Member, "株洲某液化气站", covert: true, city: "株洲市");
        h.Send(Member, "灭火器压力不足，未定期检查");

        h.Press(Member, "转为问题");

        Assert.Contains("明查还是暗访", h.LastText(Member), StringComparison.Ordinal);
        h.Press(Member, "暗访");
        Assert.Contains("在哪个市", h.LastText(Member), StringComparison.Ordinal);
        h.Send(Member, "株洲市");
        Assert.Contains("被检查单位是", h.LastText(Member), StringComparison.Ordinal);
    }

    [Fact]
    public void NoteAfterAnOpenFinding_NamingAnotherUnit_TakesNotTheLastUnitNorItsOpenness()
    {
        using var h = WithTeam(out var team);
        FindingFlowTests.Record(h, Member); // open, 长沙某化工有限公司, 长沙市望城区
        h.Send(Member, "株洲市某某加油站卸油区未设置静电接地装置");

        h.Press(Member, "转为问题");

        Assert.Contains("明查还是暗访", h.LastText(Member), StringComparison.Ordinal);
        AnswerUpToTheCard(h);
        Assert.DoesNotContain("长沙某化工有限公司", h.LastText(Member), StringComparison.Ordinal);
    }

    [Fact]
    public void SameAsLastTime_FillsOnlyWhatTheDraftLacks_NeverWhatTheTextSaid()
    {
        var last = new FindingDefaults { Aspect = Aspect.Responsibilities, Sector = Sector.HazardousChemicals, Method = Method.OnSiteInspection, Covert = true, City = "株洲市", Unit = "株洲某液化气站" };
        var draft = new FindingDraft { City = "长沙市望城区", Unit = "长沙某化工企业", Sector = Sector.Fire };

        last.CopyTo(draft);

        Assert.Equal(("长沙市望城区", "长沙某化工企业", Sector.Fire), (draft.City, draft.Unit, draft.Sector));
        Assert.Equal((Aspect.Responsibilities, Method.OnSiteInspection), (draft.Aspect, draft.Method));
    }

    [Theory]
    [InlineData(FileKind.Photo, "这张照片作为证据")]
    [InlineData(FileKind.Document, "这个文件作为证据")]
    public void AFileWithoutACaption_SaysWhatItKeepsAsEvidence(FileKind kind, string expected)
    {
        using var h = WithTeam(out _);

        h.Dispatch(CoreHarness.Text(Member, "") with { Text = null, Files = [new IncomingFile(kind, "file-1", "a.pdf", kind == FileKind.Photo ? "image/jpeg" : "application/pdf", 12345)] });

        Assert.Contains(expected, h.AllText(Member), StringComparison.Ordinal);
    }
}
