using System.Text;
using Assistant.Core.Common;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Localization;
using Assistant.Core.Summaries;
using Assistant.Core.Summaries.Model;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Summaries;

/// <summary>
/// Every kind of identifier a member may type about a tipster (a name after 举报人/实名, a mobile or landline number, an
/// e-mail address, an ID card number, a WeChat or QQ id), in an ordinary note and in a finding, pushed through every
/// output that leaves the records: the brief and the feedback (chat text, .docx, .md), the ledger export (.xlsx,
/// .csv), the statistics, /notes as another member reads it, and the model's prompts (a note and a highlight). None may carry it; each must
/// carry the rest of the text (so the test would see a leak: the text did get there).
/// </summary>
public sealed class IdentityLeakTests
{
    private const string NoteMarker = "某液化气站夜间违规充装";
    private const string FindingMarker = "仓库内违规存放液化气钢瓶";
    private const string HighlightMarker = "建立了燃气安全有奖举报制度";

    /// <summary>What is typed, and the part of it that must never come out.</summary>
    public static TheoryData<string, string, string> Identifiers => new()
    {
        { "name after 举报人", "举报人王建国反映", "王建国" },
        { "name after 举报人：", "举报人：李秀英，", "李秀英" },
        { "name before 实名举报", "村民张卫东实名举报", "张卫东" },
        { "name after 实名举报人", "实名举报人是刘海涛。", "刘海涛" },
        { "mobile", "联系人电话13912345678", "13912345678" },
        { "mobile with dashes", "回电139-1234-5678", "139-1234-5678" },
        { "landline", "座机（0731）88886666", "88886666" },
        { "e-mail", "邮箱tipster.li@example.com", "tipster.li@example.com" },
        { "ID number", "身份证号430102198001011234", "430102198001011234" },
        { "WeChat id", "微信号：zhang_san88", "zhang_san88" },
        { "QQ id", "QQ 123456789", "123456789" },
        { "name after 举报群众", "举报群众李建军反映", "李建军" },
        { "name between 群众 and 举报", "群众赵卫东举报", "赵卫东" },
        { "name after 据举报群众", "据举报群众孙丽华介绍", "孙丽华" },
        { "mobile in Chinese numerals", "举报人手机号：一三八一二三四五六七八", "一三八一二三四五六七八" },
        { "mobile in full-width digits, spaced", "回电１３９ １２３４ ５６７８", "１３９ １２３４ ５６７８" },
    };

    [Theory]
    [MemberData(nameof(Identifiers))]
    public async Task Identifier_ReachesNoOutput(string kind, string typed, string secret)
    {
        using var h = Team(out var team);
        var day = new DateOnly(2023, 11, 2);
        h.Send(Author, $"{NoteMarker}，{typed}");
        var finding = new Finding
        {
            TeamId = team.Id, Number = 1, Code = team.Code + "-001", AuthorId = Author, AuthorName = "李明",
            Aspect = Aspect.Grassroots, Sector = Sector.UrbanGas, Method = Method.OnSiteInspection, City = "长沙市",
            Unit = "长沙某商店" + typed, Description = $"{FindingMarker}，{typed}", Severity = Severity.GeneralHazard,
            Deadline = day.AddDays(-1), FixNote = "已清理，" + typed, Day = day, CreatedUtc = h.Time.GetUtcNow().UtcDateTime,
        };
        h.Get<FindingStore>().Insert(finding);
        h.Get<Core.Notes.NoteStore>().Insert(new Core.Notes.Note
        {
            TeamId = team.Id, AuthorId = Author, AuthorName = "李明", Kind = Core.Notes.NoteKind.Highlight, Text = $"{HighlightMarker}，{typed}",
            Day = day, CreatedUtc = h.Time.GetUtcNow().UtcDateTime,
        });
        h.Clear();

        h.Send(Liaison, "/summary");
        h.Send(Liaison, "/report");
        h.Send(Liaison, "/export ledger");
        h.Send(Liaison, "/stats");
        h.Send(Colleague, "/notes");
        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);

        var outputs = new Dictionary<string, string>
        {
            ["brief and feedback, chat text"] = h.AllText(Liaison),
            ["/notes read by another member"] = h.AllText(Colleague),
        };
        foreach (var file in h.Messages(Liaison).Where(m => m.FileName is not null))
        {
            outputs[file.FileName!] = TextOf(file.FileName!, file.FileContent!);
        }

        var zh = TextCatalog.Default.Chinese;
        // Without a model nothing of Semantic Kernel is registered: the prompts are rendered by a library of their own.
        var prompts = new PromptLibrary(Options.Create(new AiOptions()), new Kernel());
        var daily = ModelAnswers.CallFor(BriefKinds.Daily.Job(h.Get<FactsBuilder>().Day(team, day), zh), zh);
        outputs["model prompt, brief"] = await prompts.RenderAsync(daily.Prompt, daily.Arguments);
        var feedback = ModelAnswers.CallFor(BriefKinds.Feedback.Job(h.Get<FactsBuilder>().Visit(team, day), zh), zh);
        outputs["model prompt, feedback"] = await prompts.RenderAsync(feedback.Prompt, feedback.Arguments);

        // The precondition: every output was produced and carries the text around the identifier.
        string[] expected = [".docx", ".md", ".xlsx", ".csv"];
        Assert.All(expected, ext => Assert.True(outputs.Keys.Count(k => k.EndsWith(ext, StringComparison.Ordinal)) >= (ext is ".docx" or ".md" ? 2 : 1), $"{ext}: {string.Join(", ", outputs.Keys)}"));
        Assert.Contains(NoteMarker, outputs["/notes read by another member"], StringComparison.Ordinal);
        Assert.Contains(NoteMarker, outputs["model prompt, brief"], StringComparison.Ordinal);
        Assert.Contains(HighlightMarker, outputs["model prompt, feedback"], StringComparison.Ordinal);
        Assert.Contains(finding.Code, outputs["brief and feedback, chat text"], StringComparison.Ordinal);
        Assert.Contains("逾期未销号：1", outputs["brief and feedback, chat text"], StringComparison.Ordinal); // the statistics list it
        foreach (var (name, text) in outputs.Where(o => o.Key.EndsWith(".docx", StringComparison.Ordinal) || o.Key.EndsWith(".md", StringComparison.Ordinal) || o.Key.EndsWith(".csv", StringComparison.Ordinal)))
        {
            Assert.True(text.Contains(FindingMarker, StringComparison.Ordinal), $"{name} lacks the finding's text");
        }

        foreach (var (name, text) in outputs)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{kind}: \"{secret}\" leaked into {name}");
        }

        Assert.Contains(IdentityScrubber.Removed, outputs["brief and feedback, chat text"], StringComparison.Ordinal);
    }

    [Fact]
    public void Scrubber_LeavesOrdinaryOfficialTextAlone()
    {
        const string text = "举报人反映某站违规充装，已转交长沙市核查，11月8日前反馈。检查3家企业，依据GB 50016-2014第3.5.1条，整改率96%，08:30出发。";

        Assert.Equal(text, IdentityScrubber.Scrub(text));
    }

    private static string TextOf(string name, byte[] content)
    {
        if (name.EndsWith(".docx", StringComparison.Ordinal))
        {
            using var word = WordprocessingDocument.Open(new MemoryStream(content), false);
            return word.MainDocumentPart!.Document!.Body!.InnerText;
        }

        if (name.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(content), false);
            // The workbook's texts are shared strings (a cell's value is an index into them, so cell values are not text).
            var strings = book.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>();
            var inline = book.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.InlineString>());
            return string.Join("\n", strings.Select(i => i.InnerText).Concat(inline.Select(i => i.InnerText)));
        }

        return name.EndsWith(".png", StringComparison.Ordinal) ? "" : Encoding.UTF8.GetString(content);
    }
}
