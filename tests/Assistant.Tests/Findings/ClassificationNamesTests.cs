using Assistant.Core.Findings;
using Assistant.Core.Localization;

namespace Assistant.Tests.Findings;

public sealed class ClassificationNamesTests
{
    [Theory]
    [InlineData("危化", Sector.HazardousChemicals)]
    [InlineData("危化品", Sector.HazardousChemicals)]
    [InlineData("危化行业", Sector.HazardousChemicals)]
    [InlineData("燃气", Sector.UrbanGas)]
    [InlineData("消防", Sector.Fire)]
    [InlineData("煤矿", Sector.CoalMines)]
    [InlineData("非煤", Sector.NonCoalMines)]
    [InlineData("建筑", Sector.Construction)]
    [InlineData("建筑施工领域", Sector.Construction)]
    [InlineData("道路运输", Sector.RoadTransport)]
    [InlineData("水上交通", Sector.WaterTransport)]
    [InlineData("工贸", Sector.IndustryTrade)]
    [InlineData("旅游", Sector.Tourism)]
    [InlineData("人员密集", Sector.CrowdedPlaces)]
    [InlineData("Hazardous Chemicals", Sector.HazardousChemicals)]
    [InlineData("ＧＡＳ", Sector.UrbanGas)]
    [InlineData(" non-coal mines ", Sector.NonCoalMines)]
    public void Sectors_ShortAndCommonNames_NameOneSector(string typed, Sector sector) =>
        Assert.Equal([sector], ClassificationNames.Sectors(typed));

    [Theory]
    [InlineData("矿山", new[] { Sector.CoalMines, Sector.NonCoalMines })]
    [InlineData("交通", new[] { Sector.RoadTransport, Sector.WaterTransport })]
    [InlineData("长沙", new Sector[0])]
    [InlineData("", new Sector[0])]
    public void Sectors_AWordForSeveralOrNone_NamesThemAll(string typed, Sector[] sectors) =>
        Assert.Equal(sectors, ClassificationNames.Sectors(typed));

    [Theory]
    [InlineData("基层", Aspect.Grassroots)]
    [InlineData("基层末梢抓工作落实情况", Aspect.Grassroots)]
    [InlineData("责任落实", Aspect.Responsibilities)]
    [InlineData("安全生产责任落实情况", Aspect.Responsibilities)]
    [InlineData("专项行动", Aspect.Campaigns)]
    [InlineData("重大事故隐患专项排查整治2023行动和全国城镇燃气安全专项整治等重大专项行动组织实施情况", Aspect.Campaigns)]
    [InlineData("习近平总书记重要指示批示精神和党中央国务院决策部署学习贯彻情况", Aspect.Instructions)]
    [InlineData("指示批示", Aspect.Instructions)]
    [InlineData("grassroots", Aspect.Grassroots)]
    public void AspectOf_ShortAndFullNames(string typed, Aspect aspect) =>
        Assert.Equal(aspect, ClassificationNames.AspectOf(typed));

    [Fact]
    public void EveryLabelInBothCatalogs_NamesItsOwnSectorOrAspect()
    {
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            var t = TextCatalog.Default.For(language);
            foreach (var sector in Enum.GetValues<Sector>())
            {
                Assert.Equal([sector], ClassificationNames.Sectors(t[sector.Key()]));
            }

            foreach (var aspect in Enum.GetValues<Aspect>())
            {
                Assert.Equal(aspect, ClassificationNames.AspectOf(t[aspect.Key()]));
                Assert.Equal(aspect, ClassificationNames.AspectOf(t[aspect.ShortKey()]));
            }
        }
    }
}
