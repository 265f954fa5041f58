using Assistant.Core.Summaries.Model;

namespace Assistant.Tests.Summaries.Checks;

/// <summary>A document's headings as models write them.</summary>
public sealed class SectionHeadingsTests
{
    private static readonly string[] Headings = ["一、当日工作情况", "二、发现问题隐患情况", "五、次日工作安排"];
    private static readonly string[] English = ["1. Today's work", "2. Problems and hazards found"];

    [Theory]
    [InlineData("一、当日工作情况", 0, "")]
    [InlineData("一、当日工作情况：", 0, "")]
    [InlineData("一、当日工作情况:", 0, "")]
    [InlineData("  一、当日工作情况  ", 0, "")]
    [InlineData("**一、当日工作情况**", 0, "")]
    [InlineData("**一、当日工作情况：**", 0, "")]
    [InlineData("**一、当日工作情况**：", 0, "")]
    [InlineData("## 一、当日工作情况", 0, "")]
    [InlineData("1. 当日工作情况", 0, "")]
    [InlineData("1、当日工作情况：", 0, "")]
    [InlineData("（一）当日工作情况", 0, "")]
    [InlineData("第一部分 当日工作情况", 0, "")]
    [InlineData("当日工作情况：", 0, "")]
    [InlineData("二、发现问题隐患情况：当日共发现问题隐患9项。", 1, "当日共发现问题隐患9项。")]
    [InlineData("**五、次日工作安排**：11月3日延伸至湘潭市。", 2, "11月3日延伸至湘潭市。")]
    public void AHeading_InAnyOfItsForms_IsFound(string line, int index, string rest)
    {
        Assert.Equal(new SectionHeadings.Match(index, rest), SectionHeadings.Find(line, Headings));
    }

    [Theory]
    [InlineData("当日工作情况良好，各项安排有序推进。")]
    [InlineData("一、当日工作情况 二、发现问题隐患情况")]
    [InlineData("考核巡查组当日工作情况如下：")]
    [InlineData("")]
    public void AnOrdinaryLine_IsNoHeading(string line)
    {
        Assert.Null(SectionHeadings.Find(line, Headings));
    }

    [Theory]
    [InlineData("1. Today's work")]
    [InlineData("**1. Today's Work**")]
    [InlineData("Today's work:")]
    [InlineData("### 1. TODAY'S WORK")]
    public void EnglishHeadings_AreFound_WhateverTheirCase(string line)
    {
        Assert.Equal(0, SectionHeadings.Find(line, English)?.Index);
    }
}
