using Assistant.Core.Localization;
using Assistant.Core.Summaries;
using Assistant.Core.Summaries.Model;

namespace Assistant.Tests.Summaries;

/// <summary>
/// Answers a model gives for the fixture's day and visit (<see cref="BriefFixtures"/>), and the call a
/// document's narrative makes, as the model writer builds it (redacted).
/// </summary>
public static class ModelAnswers
{
    /// <summary>A faithful narrative of the fixture day's two notes (a briefing and an interview), in the model's own words; ends with a line break, as a model's answer does, so a test may append a part.</summary>
    public const string Day = """
        一、听取汇报
        省应急管理厅汇报，今年以来全省共排查重大事故隐患1.2万项，整改率达96%，隐患排查整治工作总体有序推进。
        二、个别谈话
        岳塘区应急局同志反映，乡镇安全监管力量不足，每个乡镇仅有1名兼职安全员。

        """;

    /// <summary>A faithful overall assessment of the fixture visit, from its two highlights.</summary>
    public const string Visit = """
        一、总体评价
        考核巡查组认为，湖南省认真贯彻落实党中央、国务院决策部署，安全生产和消防工作总体推进有力。
        二、主要做法
        一是省委省政府主要负责同志定期专题研究安全生产工作，建立了省级领导包保重点企业制度；二是全省重大事故隐患专项排查整治行动部署早、推进实。
        """;

    /// <summary>A model stuck in a loop: the same sentence over and over, far past any cap.</summary>
    public static readonly string Runaway = "一、听取汇报\n" + string.Concat(Enumerable.Repeat("考核巡查组继续督促有关单位抓好问题整改。", 200));

    /// <summary>The one call that writes all the job's parts, redacted as the writer sends it.</summary>
    public static NarrativeCall CallFor(NarrativeJob job, Texts t)
    {
        var (safe, redaction) = Redaction.Of(job, t);
        return new NarrativeCall(safe, safe.Parts, redaction.Secrets, t);
    }
}
