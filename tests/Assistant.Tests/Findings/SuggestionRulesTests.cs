using Assistant.Core.Findings;
using Assistant.Core.Findings.Suggestions;

namespace Assistant.Tests.Findings;

/// <summary>The keyword rules and the unit and place spans on descriptions as teams write them.</summary>
public sealed class SuggestionRulesTests
{
    private const Sector Fire = Sector.Fire;
    private const Sector Gas = Sector.UrbanGas;
    private const Sector Chem = Sector.HazardousChemicals;
    private const Sector Crowd = Sector.CrowdedPlaces;
    private const Sector Build = Sector.Construction;
    private const Sector Road = Sector.RoadTransport;
    private const Sector Water = Sector.WaterTransport;
    private const Sector Coal = Sector.CoalMines;
    private const Sector NonCoal = Sector.NonCoalMines;
    private const Sector Trade = Sector.IndustryTrade;
    private const Sector Tour = Sector.Tourism;
    private const Aspect Ins = Aspect.Instructions;
    private const Aspect Resp = Aspect.Responsibilities;
    private const Aspect Camp = Aspect.Campaigns;
    private const Aspect Grass = Aspect.Grassroots;
    private const Severity Major = Severity.MajorHazard;
    private const Severity General = Severity.GeneralHazard;
    private const Severity Problem = Severity.Problem;

    /// <summary>Text, then the expected sector, aspect, severity, unit and place (null: nothing suggested).</summary>
    public static TheoryData<string, Sector?, Aspect?, Severity?, string?, string?> Table => new()
    {
        { "长沙市岳麓区某某燃气有限公司钢瓶间未安装可燃气体报警装置", Gas, null, General, "某某燃气有限公司", "长沙市岳麓区" },
        { "株洲市天元区某餐馆液化气钢瓶与灶具间距不足，软管老化", Gas, null, null, "某餐馆", "株洲市天元区" },
        { "湘潭市某小区地下室违规存放液化石油气钢瓶，属重大事故隐患", Gas, null, Major, null, "湘潭市" },
        { "检查发现衡阳市某瓶装液化气供应站无证经营", Gas, null, null, "某瓶装液化气供应站", "衡阳市" },
        { "株洲某液化气站钢瓶充装前未逐瓶检查，充装记录不全", Gas, null, Problem, "株洲某液化气站", null },
        { "某某天然气公司调压箱锈蚀，未定期巡检", Gas, null, null, "某某天然气公司", null },
        { "燃气管道穿越卧室，存在燃气泄漏隐患", Gas, null, General, null, null },
        { "岳阳市某某化工有限公司储罐区防火堤破损", Chem, null, General, "某某化工有限公司", "岳阳市" },
        { "常德市某某危化品仓库超量储存，重大隐患", Chem, null, Major, null, "常德市" },
        { "液氨储罐区未设置有毒气体报警仪", Chem, null, General, null, null },
        { "某化工厂反应釜温度联锁被摘除", Chem, null, null, "某化工厂", null },
        { "重大危险源企业安全管理人员未持证上岗", Chem, Resp, null, null, null },
        { "危险化学品专项整治工作推进缓慢，排查整治台账不全", Chem, Camp, Problem, null, null },
        { "长沙市某商场疏散通道堵塞，安全出口锁闭", Crowd, null, General, "某商场", "长沙市" },
        { "开福区某酒店防火门损坏，无法自动关闭", Crowd, null, General, "某酒店", "开福区" },
        { "某医院住院楼消防栓无水，灭火器过期", Crowd, null, General, "某医院", null },
        { "某幼儿园应急照明和疏散指示标志缺失", Crowd, null, General, "某幼儿园", null },
        { "益阳市某超市电动自行车在安全出口处充电", Crowd, null, null, "某超市", "益阳市" },
        { "居民楼楼道电动自行车充电，私拉乱接电线", Fire, null, General, null, null },
        { "厂房喷淋系统关闭，火灾报警控制器故障", Fire, null, null, null, null },
        { "消防车通道被占用", Fire, null, General, null, null },
        { "某某物流园消防设施未维护保养", Fire, null, null, null, null },
        { "郴州市某某煤矿瓦斯抽采不达标，属重大事故隐患", Coal, null, Major, "某某煤矿", "郴州市" },
        { "井下掘进工作面探放水措施未落实", Coal, null, Problem, null, null },
        { "某露天矿边坡存在滑坡迹象", NonCoal, null, null, null, null },
        { "尾矿库排洪设施堵塞", NonCoal, null, General, null, null },
        { "某采石场爆破作业无专人警戒", NonCoal, null, null, null, null },
        { "某建筑工地脚手架未设置连墙件", Build, null, General, null, null },
        { "在建项目塔吊司机无证操作", Build, null, null, null, null },
        { "深基坑临边防护缺失，施工单位未整改", Build, null, General, null, null },
        { "高支模专项施工方案未经专家论证", Build, null, null, null, null },
        { "某客运站客车驾驶员连续驾驶超时", Road, null, null, "某客运站", null },
        { "危险货物运输车辆动态监控报警未处理", Road, null, null, null, null },
        { "校车超载，安全带缺失", Road, null, General, null, null },
        { "某渡口渡船救生衣数量不足", Water, null, null, null, null },
        { "码头船舶未配备合格船员", Water, null, null, null, null },
        { "某铝加工企业粉尘除尘系统未按规定设置泄爆装置", Trade, null, null, null, null },
        { "有限空间作业未执行先通风、再检测、后作业", Trade, null, null, null, null },
        { "某冶金企业金属冶炼炉冷却水系统无报警", Trade, null, null, null, null },
        { "某景区玻璃栈道未定期检测", Tour, null, null, "某景区", null },
        { "游乐设施操作人员未经培训上岗", Tour, Resp, Problem, null, null },
        { "民宿内未配备灭火器", Tour, null, null, null, null },
        { "县应急管理局未传达学习习近平总书记重要指示批示精神", null, Ins, Problem, null, null },
        { "市政府常务会未研究安全生产决策部署落实", null, Ins, null, null, null },
        { "企业主要负责人未履行安全生产主体责任", null, Resp, null, null, null },
        { "安全生产责任制未覆盖全员，考核流于形式", null, Resp, Problem, null, null },
        { "应急预案未演练，应急管理制度不健全", null, Resp, Problem, null, null },
        { "重大事故隐患专项排查整治2023行动自查自改不到位", null, Camp, Major, null, null },
        { "城镇燃气安全专项整治隐患台账不清", Gas, Camp, General, null, null },
        { "乡镇安监站人员不足，基层网格员未开展巡查", null, Grass, Problem, null, null },
        { "社区对沿街商铺的检查流于形式", null, Grass, Problem, null, null },
        { "浏阳市某烟花爆竹厂中转库超量存药", null, null, null, "某烟花爆竹厂", "浏阳市" },
        { "湖南省长沙市雨花区某某加油站卸油区静电接地损坏", null, null, General, "某某加油站", "湖南省长沙市雨花区" },
        { "现场作业人员未佩戴安全帽", null, Grass, null, null, null },
        { "暗访发现某宾馆夜间值班人员脱岗", Crowd, null, null, "某宾馆", null },
        { "Fire exit blocked at the Riverside Hotel", Crowd, null, General, "Riverside Hotel", null },
        { "Gas cylinders stored in the basement of a restaurant in Yuelu District", Gas, null, null, null, "Yuelu District" },
        { "Major hazard: ammonia storage tank without leak detection at Xiangjiang Chemical Co., Ltd.", Chem, null, Major, "Xiangjiang Chemical Co., Ltd.", null },
        { "Scaffold on the construction site has no guard rails", Build, null, null, null, null },
        { "Tailings dam spillway blocked", NonCoal, null, General, null, null },
        { "Bus driver had no rest for six hours", Road, null, null, null, null },
        { "Emergency plan never rehearsed; training records missing", null, Resp, General, null, null },
        { "Township officials did not inspect the village workshops", null, Grass, null, null, null },
        { "The business owner says everything is fine", null, null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Rules_SuggestTheExpectedFields(string text, Sector? sector, Aspect? aspect, Severity? severity, string? unit, string? place)
    {
        var suggestion = new RuleSuggester().Suggest(text);

        Assert.Equal((sector, aspect, severity, unit, place), (suggestion.Sector, suggestion.Aspect, suggestion.Severity, suggestion.Unit, suggestion.Place));
        Assert.Equal(text, suggestion.Description);
        Assert.Equal(SuggestionSource.Rules, suggestion.Source);
    }

    [Fact]
    public void Table_HasAtLeastSixtyRows_AndUnitsAndPlacesAreAlwaysCopiedFromTheText()
    {
        var rows = Table.Select(row => (string)row[0]).ToList();
        Assert.True(rows.Count >= 60, $"only {rows.Count} rows");
        foreach (var text in rows)
        {
            var s = new RuleSuggester().Suggest(text);
            Assert.True(s.Unit is null || text.Contains(s.Unit, StringComparison.Ordinal), text);
            Assert.True(s.Place is null || text.Contains(s.Place, StringComparison.Ordinal), text);
        }
    }

    [Fact]
    public void Rules_RefuseAValueOutsideTheFixedLists()
    {
        var error = Assert.Throws<InvalidDataException>(() => SuggestionRules.Parse("""{"sector": [{"value": "Nuclear", "keywords": ["核电"]}]}"""));
        Assert.Contains("Nuclear", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnglishKeywords_MatchWholeWordsOnly()
    {
        Assert.True(SuggestionRules.Contains("the bus stopped", "bus"));
        Assert.True(SuggestionRules.Contains("two buses", "bus"));
        Assert.False(SuggestionRules.Contains("the business owner", "bus"));
    }

    [Fact]
    public void Suggestion_FillsOnlyTheDraftsEmptyFields()
    {
        var draft = new FindingDraft { Sector = Sector.Fire, Description = "已输入" };
        new RuleSuggester().Suggest("长沙市某某燃气有限公司钢瓶间，重大隐患").FillEmpty(draft);

        Assert.Equal(Sector.Fire, draft.Sector);
        Assert.Equal("已输入", draft.Description);
        Assert.Equal(Severity.MajorHazard, draft.Severity);
        Assert.Equal("某某燃气有限公司", draft.Unit);
        Assert.Equal("长沙市", draft.City);
    }
}
