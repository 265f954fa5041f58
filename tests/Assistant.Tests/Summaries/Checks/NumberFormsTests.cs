using Assistant.Core.Summaries.Model;

namespace Assistant.Tests.Summaries.Checks;

/// <summary>Numbers, dates and times in the forms official texts write them, each reduced to one value.</summary>
public sealed class NumberFormsTests
{
    [Theory]
    [InlineData("共排查重大事故隐患1.2万项", "12000")]
    [InlineData("共排查重大事故隐患12000项", "12000")]
    [InlineData("共排查重大事故隐患12,000项", "12000")]
    [InlineData("共排查重大事故隐患一万二千项", "12000")]
    [InlineData("共排查重大事故隐患约1.2万。", "12000")]
    [InlineData("整改率达96%", "96")]
    [InlineData("整改率达96％", "96")]
    [InlineData("整改率达百分之九十六", "96")]
    [InlineData("现场检查两家企业", "2")]
    [InlineData("现场检查2家企业", "2")]
    [InlineData("发现三处隐患", "3")]
    [InlineData("发现３处隐患", "3")]
    [InlineData("罚款3.5万元", "35000")]
    [InlineData("共十二个乡镇", "12")]
    [InlineData("抽查一百零一家门店", "101")]
    [InlineData("排查整治行动持续三个月", "3")]
    public void EquivalentForms_HaveOneValue(string text, string value)
    {
        Assert.Equal([value], NumberForms.StatedValues(text));
    }

    [Theory]
    [InlineData("一是长沙某商场疏散通道堆放货物；二是长沙某酒店消防控制室值班人员未持证上岗。")]
    [InlineData("下一步，将进一步压实安全生产责任，统一部署。")]
    [InlineData("围绕四个方面开展考核巡查，落实党政同责、一岗双责。")]
    [InlineData("依据《判定标准》第十条，列为第三项。")]
    [InlineData("1. 督促企业立即整改\n2、举一反三开展自查\n（3）加强监督检查")]
    [InlineData("十分重要，千万不可麻痹大意，老百姓高度关注。")]
    [InlineData("长沙某化工有限公司存在问题（G7-004），编号G7-012另行处理。")]
    public void Ordinals_ListNumbers_SetPhrases_AndFindingNumbers_AreNoFacts(string text)
    {
        Assert.Empty(NumberForms.StatedValues(text));
    }

    [Theory]
    [InlineData("于2023年11月16日前完成整改", "11-16")]
    [InlineData("于11月16日前完成整改", "11-16")]
    [InlineData("于11月16号前完成整改", "11-16")]
    [InlineData("于2023-11-16前完成整改", "11-16")]
    [InlineData("于十一月十六日前完成整改", "11-16")]
    [InlineData("by 16 November 2023", "11-16")]
    [InlineData("by November 16th", "11-16")]
    public void Dates_InAnyForm_AreMonthAndDay(string text, string key)
    {
        Assert.Equal([key], NumberForms.DateKeys(text));
    }

    [Fact]
    public void ADatesParts_AreNotCheckedAgainAsNumbers_ButItsYearIs()
    {
        Assert.Empty(NumberForms.StatedValues("于11月16日前完成整改"));
        Assert.Equal(["2024"], NumberForms.StatedValues("于2024年11月16日前完成整改"));
    }

    [Theory]
    [InlineData("08:30听取汇报", "8:30")]
    [InlineData("8：30听取汇报", "8:30")]
    [InlineData("14:30—17:00 暗访", "14:30", "17:00")]
    [InlineData("14时30分开展暗访", "14:30")]
    [InlineData("下午2时30分开展暗访", "14:30")]
    [InlineData("下午2点半开展暗访", "14:30")]
    [InlineData("上午9时听取汇报", "9:00")]
    public void Times_AreHoursAndMinutes(string text, params string[] keys)
    {
        Assert.Equal(keys, NumberForms.TimeKeys(text));
    }

    [Fact]
    public void TheInputsValues_IncludeItsDatesParts_NotItsTimesParts()
    {
        var values = NumberForms.Values("整改期限：11月16日；14:00—17:00 暗访");

        Assert.Superset(new HashSet<string> { "11", "16" }, values.ToHashSet());
        Assert.DoesNotContain("14", values);
        Assert.DoesNotContain("17", values);
    }

    [Fact]
    public void TimesInAnswers_AreNoNumbers()
    {
        Assert.Empty(NumberForms.StatedValues("下午2时30分开展暗访，17:00结束"));
    }

    [Theory]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("二十三", 23)]
    [InlineData("两千", 2000)]
    [InlineData("一百零一", 101)]
    [InlineData("一万二千", 12000)]
    [InlineData("三万", 30000)]
    [InlineData("二〇二三", 2023)]
    public void ChineseNumerals_AreRead(string numeral, int value)
    {
        Assert.Equal(value, NumberForms.ParseChinese(numeral));
    }
}
