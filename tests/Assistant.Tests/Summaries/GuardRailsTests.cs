using Assistant.Core.Summaries.Model;

namespace Assistant.Tests.Summaries;

public sealed class GuardRailsTests
{
    private const string Input = """
        当日工作量：听取汇报2场；调阅材料46份
        - 08:30—10:00 汇报会：听取省应急管理厅专题汇报（省应急管理厅）
        - G7-001｜问题｜单位：长沙某化工有限公司｜地点：长沙市 望城区｜问题：甲类仓库与办公楼防火间距不足｜整改期限：11月16日
        - G7-002｜问题｜单位：湘潭市岳塘区应急管理局｜问题：底数不清
        """;

    private static readonly string[] Codes = ["G7-001", "G7-002"];
    private static readonly string[] Headings = ["一、当日工作情况", "二、发现问题隐患情况"];

    private static IReadOnlyList<string> Check(string output) => GuardRails.Check(output, Input, Codes, Headings);

    [Fact]
    public void FaithfulText_Passes_WithDecoratedHeadingsListNumbersAndGenericNames()
    {
        var output = """
            ## 一、当日工作情况
            考核巡查组听取省应急管理厅汇报2场，调阅材料46份。
            **二、发现问题隐患情况**
            1. 检查长沙某化工有限公司发现，甲类仓库与办公楼防火间距不足，要求该公司于11月16日前整改（G7-001）。
            2. 岳塘区应急管理局对辖区企业底数不清，已督促相关企业和有关部门落实（G7-002）。
            """;

        Assert.Empty(Check(output));
    }

    [Fact]
    public void AMissingFindingNumber_Fails()
    {
        Assert.Contains("missing finding numbers: G7-002", Check("一、当日工作情况\n二、发现问题隐患情况\nG7-001"));
    }

    [Theory]
    [InlineData("湘潭某化工有限公司")]
    [InlineData("株洲市应急管理局")]
    [InlineData("长沙某大酒店")]
    public void AUnitNotInTheInput_Fails_EvenWhenItEndsLikeAKnownOne(string unit)
    {
        var problems = Check($"一、当日工作情况\n二、发现问题隐患情况\n一是{unit}存在问题（G7-001）；二是（G7-002）。");

        Assert.Contains($"units not in the input: {unit}", problems);
    }

    [Theory]
    [InlineData("调阅材料47份")]
    [InlineData("整改期限11月17日")]
    [InlineData("罚款3.5万元")]
    public void ANumberNotInTheInput_Fails(string phrase)
    {
        var problems = Check($"一、当日工作情况\n{phrase}\n二、发现问题隐患情况\nG7-001 G7-002");

        Assert.Single(problems, p => p.StartsWith("numbers not in the input", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("二、发现问题隐患情况\n一、当日工作情况\nG7-001 G7-002", "heading out of order: 二、发现问题隐患情况")]
    [InlineData("一、当日工作情况\nG7-001 G7-002", "missing heading: 二、发现问题隐患情况")]
    [InlineData("一、当日工作情况\n二、发现问题隐患情况\n二、发现问题隐患情况\nG7-001 G7-002", "heading repeated: 二、发现问题隐患情况")]
    [InlineData("一、当日工作情况 二、发现问题隐患情况\nG7-001 G7-002", "missing heading: 一、当日工作情况")]
    public void HeadingsMustEachStandAloneOnceInOrder(string output, string problem)
    {
        Assert.Contains(problem, Check(output));
    }
}
