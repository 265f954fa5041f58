using System.Globalization;
using System.Text;
using Assistant.Core.Ledger.Documents;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Assistant.Tests.Ledger;

public sealed class LedgerDocumentsTests
{
    private const string Title = "第七组 整改台账 · 导出于 2023年11月20日";
    private const string Hyperlink = "=HYPERLINK(\"http://example.com/x\",\"点击查看\")";

    private static readonly string[] HeadingTexts =
    [
        "编号", "被检查单位", "检查方式", "检查地点", "行业领域", "检查方面", "问题描述", "依据", "隐患等级",
        "责任单位", "责任人", "整改期限", "整改状态", "整改佐证", "验证人", "验证时间", "验收意见", "逾期天数",
    ];

    private static readonly LedgerRow Warehouse = new(
        "G7-001", "长沙某化工有限公司", "明查", "长沙经开区 甲类仓库", "危险化学品", "防火防爆",
        "甲类仓库与办公楼防火间距不足", "《建筑设计防火规范》GB 50016-2014（2018年版）第3.5.1条", "重大事故隐患",
        "长沙某化工有限公司", "张伟", new DateOnly(2023, 11, 16), "整改中", null, null, null, null, 4);

    private static readonly LedgerRow Fireworks = new(
        "G7-002", "株洲某烟花爆竹厂", "暗访", "醴陵市 药物混合工房", "烟花爆竹", "设备设施",
        "药物混合工房防静电设施失效, 接地电阻\"超标\"", null, "一般事故隐患",
        "株洲某烟花爆竹厂", "李娜", new DateOnly(2023, 11, 25), "已验证", "已更换接地装置\r\n复测合格（4Ω）", "王芳",
        new DateTime(2023, 11, 19, 15, 30, 0), "复测合格，同意销号", 0);

    private static readonly LedgerRow Injected = new(
        "G7-003", "湘潭某钢铁公司", "明查", "岳塘区", "冶金", "安全管理",
        "+86 联系电话未公示", "-", "一般事故隐患", null, null, null, "待整改", Hyperlink, null, null, null, 0);

    private static LedgerRow[] Sample => [Warehouse, Fireworks, Injected];

    private static string[] Headings => HeadingTexts;

    // ---------------------------------------------------------------- workbook

    [Fact]
    public void Xlsx_RealisticRows_TextCellsReadBackExactly()
    {
        using var book = Open(LedgerWorkbook.Xlsx(Sample, Headings, Title, "整改台账"));

        Assert.Equal("G7-001", book.Text("A3"));
        Assert.Equal("长沙某化工有限公司", book.Text("B3"));
        Assert.Equal("长沙经开区 甲类仓库", book.Text("D3"));
        Assert.Equal("危险化学品", book.Text("E3"));
        Assert.Equal("防火防爆", book.Text("F3"));
        Assert.Equal("甲类仓库与办公楼防火间距不足", book.Text("G3"));
        Assert.Equal("《建筑设计防火规范》GB 50016-2014（2018年版）第3.5.1条", book.Text("H3"));
        Assert.Equal("重大事故隐患", book.Text("I3"));
        Assert.Equal("长沙某化工有限公司", book.Text("J3"));
        Assert.Equal("张伟", book.Text("K3"));
        Assert.Equal("整改中", book.Text("M3"));
        Assert.Null(book.Cell("N3"));
        Assert.Null(book.Cell("O3"));
        Assert.Null(book.Cell("P3"));

        Assert.Equal("药物混合工房防静电设施失效, 接地电阻\"超标\"", book.Text("G4"));
        Assert.Null(book.Cell("H4")); // no basis
        Assert.Equal("已更换接地装置\n复测合格（4Ω）", book.Text("N4")); // CRLF is Excel's LF in a cell
        Assert.Equal("G7-003", book.Text("A5"));
        Assert.Equal("+86 联系电话未公示", book.Text("G5"));
        Assert.Equal("-", book.Text("H5"));
        Assert.Equal(CellValues.SharedString, book.Cell("A3")!.DataType!.Value);
    }

    [Fact]
    public void Xlsx_Dates_AreSerialNumbersWithDateFormats()
    {
        using var book = Open(LedgerWorkbook.Xlsx(Sample, Headings, Title, "整改台账"));

        var deadline = book.Cell("L3")!;
        Assert.Null(deadline.DataType); // a number, not text
        Assert.Equal(new DateTime(2023, 11, 16).ToOADate(), double.Parse(deadline.CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal("45246", deadline.CellValue.Text);
        Assert.Equal("yyyy-mm-dd", book.NumberFormat(deadline));

        var verified = book.Cell("P4")!;
        Assert.Null(verified.DataType);
        Assert.Equal(new DateTime(2023, 11, 19, 15, 30, 0).ToOADate(), double.Parse(verified.CellValue!.Text, CultureInfo.InvariantCulture), 9);
        Assert.Equal("yyyy-mm-dd hh:mm", book.NumberFormat(verified));

        Assert.Null(book.Cell("L5")); // no deadline: blank
    }

    [Fact]
    public void Xlsx_DaysOverdue_NumberOnLightRedOnlyWhenOverdue()
    {
        using var book = Open(LedgerWorkbook.Xlsx(Sample, Headings, Title, "整改台账"));

        var overdue = book.Cell("R3")!;
        Assert.Null(overdue.DataType);
        Assert.Equal("4", overdue.CellValue!.Text);
        Assert.Equal("FFFFC7CE", book.FillColor(overdue));
        Assert.Null(book.Cell("R4")); // 0 days: blank
        Assert.Null(book.Cell("R5"));
        Assert.Null(book.FillColor(book.Cell("M3")!));
    }

    [Fact]
    public void Xlsx_TitleRow_MergedAcrossColumnsAndBold()
    {
        using var book = Open(LedgerWorkbook.Xlsx(Sample, Headings, Title, "整改台账"));

        Assert.Equal(Title, book.Text("A1"));
        var merge = Assert.Single(book.Worksheet.Descendants<MergeCell>());
        Assert.Equal("A1:R1", merge.Reference!.Value);
        var font = book.Font(book.Cell("A1")!);
        Assert.NotNull(font.Bold);
        Assert.True(font.FontSize!.Val!.Value > 11);
    }

    [Fact]
    public void Xlsx_SensitivityLine_FirstRowAboveTitle_HeaderTableFreezeAndPrintTitlesOneRowDown()
    {
        const string Marking = "内部资料　注意保存";
        var bytes = LedgerWorkbook.Xlsx(Sample, Headings, Title, "整改台账", sensitivity: Marking);

        using var book = Open(bytes);
        Assert.Equal(Marking, book.Text("A1"));
        Assert.NotNull(book.Font(book.Cell("A1")!).Bold);
        Assert.Equal(HorizontalAlignmentValues.Left, book.Style(book.Cell("A1")!).Alignment!.Horizontal!.Value);
        Assert.Equal(Title, book.Text("A2"));
        Assert.Equal(["A1:R1", "A2:R2"], book.Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!));
        Assert.Equal(HeadingTexts, Enumerable.Range(0, 18).Select(i => book.Text(Column(i) + "3")));
        Assert.Equal("G7-001", book.Text("A4"));
        Assert.Equal("暗访", book.Text("C5"));
        Assert.Equal("G7-003", book.Text("A6"));
        Assert.Equal("45246", book.Cell("L4")!.CellValue!.Text); // dates and numbers moved with their rows
        Assert.Equal("4", book.Cell("R4")!.CellValue!.Text);

        var table = book.SheetPart.TableDefinitionParts.Single().Table!;
        Assert.Equal("A3:R6", table.Reference!.Value);
        Assert.Equal("A3:R6", table.AutoFilter!.Reference!.Value);
        var pane = Assert.Single(book.Worksheet.Descendants<Pane>());
        Assert.Equal(3, pane.VerticalSplit!.Value); // the marking, the title and the header stay on screen
        Assert.Equal("A4", pane.TopLeftCell!.Value);
        Assert.Equal("A1:R6", book.Worksheet.Descendants<SheetDimension>().Single().Reference!.Value);
        Assert.Equal("'整改台账'!$1:$3", book.Document.WorkbookPart!.Workbook!.DefinedNames!.Elements<DefinedName>().Single().Text); // on every printed page
        Assert.Empty(new OpenXmlValidator().Validate(book.Document));
    }

    [Fact]
    public void Xlsx_SensitivityLine_EmptyLedgerStillValid()
    {
        using var book = Open(LedgerWorkbook.Xlsx([], Headings, Title, "整改台账", sensitivity: "内部资料　注意保存"));

        Assert.Equal(3, book.Worksheet.Descendants<Row>().Count());
        Assert.Equal("A3:R4", book.SheetPart.TableDefinitionParts.Single().Table!.Reference!.Value);
        Assert.Empty(new OpenXmlValidator().Validate(book.Document));
    }

    [Fact]
    public void Xlsx_NoSensitivity_TitleFirstAndNothingMarked()
    {
        using var book = Open(LedgerWorkbook.Xlsx(Sample, Headings, Title, "整改台账", sensitivity: null));

        Assert.Equal(Title, book.Text("A1"));
        Assert.Equal("编号", book.Text("A2"));
        Assert.DoesNotContain("内部资料", book.Document.WorkbookPart!.SharedStringTablePart!.SharedStringTable!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_HeaderRow_HoldsHeadingsAndIsFrozen()
    {
        using var book = Open(LedgerWorkbook.Xlsx(Sample, Headings, Title, "整改台账"));

        Assert.Equal(HeadingTexts, Enumerable.Range(0, 18).Select(i => book.Text(Column(i) + "2")));
        var pane = Assert.Single(book.Worksheet.Descendants<Pane>());
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(2, pane.VerticalSplit!.Value); // ySplit: title and header stay on screen
        Assert.Null(pane.HorizontalSplit);
        Assert.Equal("A3", pane.TopLeftCell!.Value);
    }

    [Fact]
    public void Xlsx_Table_RangeFilterAndColumnNamesMatchTheSheet()
    {
        using var book = Open(LedgerWorkbook.Xlsx(Sample, Headings, Title, "整改台账"));

        var tablePart = Assert.Single(book.SheetPart.TableDefinitionParts);
        var table = tablePart.Table!;
        Assert.Equal("A2:R5", table.Reference!.Value);
        Assert.Equal("A2:R5", table.AutoFilter!.Reference!.Value);
        Assert.Equal(1U, table.Id!.Value);
        Assert.Equal(LedgerWorkbook.TableName, table.Name!.Value);
        Assert.Equal(LedgerWorkbook.TableName, table.DisplayName!.Value);
        Assert.Equal(LedgerWorkbook.TableStyle, table.TableStyleInfo!.Name!.Value);
        Assert.True(table.TableStyleInfo.ShowRowStripes!.Value);

        var columns = table.TableColumns!.Elements<TableColumn>().ToList();
        Assert.Equal(18U, table.TableColumns.Count!.Value);
        Assert.Equal(HeadingTexts, columns.Select(c => c.Name!.Value));
        Assert.Equal(Enumerable.Range(1, 18).Select(i => (uint)i), columns.Select(c => c.Id!.Value));

        var tableParts = Assert.Single(book.Worksheet.Descendants<TableParts>());
        Assert.Equal(book.SheetPart.GetIdOfPart(tablePart), Assert.Single(tableParts.Elements<TablePart>()).Id!.Value);
    }

    [Fact]
    public void Xlsx_Workbook_PassesOpenXmlSchemaValidation()
    {
        var bytes = LedgerWorkbook.Xlsx(Sample, Headings, Title, "整改台账");
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => e.Description).ToList();

        Assert.Empty(errors);
        var sheet = Assert.Single(document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>());
        Assert.Equal("整改台账", sheet.Name!.Value);
        var printTitles = Assert.Single(document.WorkbookPart.Workbook.DefinedNames!.Elements<DefinedName>());
        Assert.Equal("'整改台账'!$1:$2", printTitles.Text);
    }

    [Fact]
    public void Xlsx_FormulaLikeText_StoredAsTextNotFormula()
    {
        using var book = Open(LedgerWorkbook.Xlsx(Sample, Headings, Title, "整改台账"));

        var cell = book.Cell("N5")!;
        Assert.Equal(CellValues.SharedString, cell.DataType!.Value);
        Assert.Null(cell.CellFormula);
        Assert.Equal(Hyperlink, book.Text("N5"));
        Assert.Empty(book.Worksheet.Descendants<CellFormula>());
    }

    [Fact]
    public void Xlsx_ControlCharacters_RemovedAndFileStillValid()
    {
        var row = Warehouse with { Problem = "防火\u0001间距\u000B不足\u0000\uFFFE", Unit = "长沙\u001F某化工\uD800有限公司", FixEvidence = "\t已整改" };
        var bytes = LedgerWorkbook.Xlsx([row], Renamed((12, "整改\u0008状态")), "台账\u0007", "整改台账");

        using var book = Open(bytes);
        Assert.Equal("防火间距不足", book.Text("G3"));
        Assert.Equal("长沙某化工有限公司", book.Text("B3"));
        Assert.Equal("\t已整改", book.Text("N3")); // tab is legal XML
        Assert.Equal("整改状态", book.Text("M2"));
        Assert.Equal("整改状态", book.SheetPart.TableDefinitionParts.Single().Table!.TableColumns!.Elements<TableColumn>().ElementAt(12).Name!.Value);
        Assert.Equal("台账", book.Text("A1"));
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public void Xlsx_ExcelEscapeSequenceInText_StoredWithEscapedUnderscore()
    {
        using var book = Open(LedgerWorkbook.Xlsx([Warehouse with { Problem = "编号_x0041_不变" }], Headings, Title, "整改台账"));

        // Excel would show _x0041_ as "A"; _x005F_ makes it keep the underscore.
        Assert.Equal("编号_x005F_x0041_不变", book.Text("G3"));
    }

    [Fact]
    public void Xlsx_EmptyLedger_TitleHeaderAndValidTableWithOneEmptyRow()
    {
        var bytes = LedgerWorkbook.Xlsx([], Headings, Title, "整改台账");

        using var book = Open(bytes);
        Assert.Equal(Title, book.Text("A1"));
        Assert.Equal("编号", book.Text("A2"));
        Assert.Equal(2, book.Worksheet.Descendants<Row>().Count());
        var table = book.SheetPart.TableDefinitionParts.Single().Table!;
        Assert.Equal("A2:R3", table.Reference!.Value); // Excel needs one data row, even an empty one
        Assert.Equal("A2:R3", table.AutoFilter!.Reference!.Value);
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public void Xlsx_DuplicateAndEmptyHeadings_MadeUniqueAndEqualToHeaderCells()
    {
        var headings = Renamed((1, "单位"), (2, ""), (8, "单位"), (3, "Status"), (11, "STATUS"), (13, "  "));

        using var book = Open(LedgerWorkbook.Xlsx(Sample, headings, Title, "整改台账"));

        var names = book.SheetPart.TableDefinitionParts.Single().Table!.TableColumns!.Elements<TableColumn>().Select(c => c.Name!.Value!).ToList();
        Assert.Equal(names, Enumerable.Range(0, 18).Select(i => book.Text(Column(i) + "2")));
        Assert.Equal(18, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n)));
        Assert.Equal("单位", names[1]);
        Assert.Equal("单位2", names[8]);
        Assert.Equal("Column3", names[2]);
        Assert.Equal("STATUS2", names[11]);
    }

    [Fact]
    public void XlsxAndCsv_HeadingsNotOnePerColumn_Refused()
    {
        Assert.Throws<ArgumentException>(() => LedgerWorkbook.Xlsx(Sample, HeadingTexts[..^1], Title, "整改台账"));
        Assert.Throws<ArgumentException>(() => LedgerWorkbook.Csv(Sample, [.. HeadingTexts, "多余"]));
    }

    [Theory]
    [InlineData("整改台账", "整改台账")]
    [InlineData("整改/台账[1]:*?", "整改_台账_1____")]
    [InlineData("'台账'", "台账")]
    [InlineData("", "Sheet1")]
    [InlineData("history", "Sheet1")]
    [InlineData("第七组 湖南省安全生产督导检查 问题隐患整改台账汇总表（2023年11月）", "第七组 湖南省安全生产督导检查 问题隐患整改台账汇总表（202")]
    public void Xlsx_SheetName_RepairedToWhatExcelAccepts(string requested, string expected)
    {
        using var book = Open(LedgerWorkbook.Xlsx(Sample, Headings, Title, requested));

        var name = book.Document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Single().Name!.Value!;
        Assert.Equal(expected, name);
        Assert.InRange(name.Length, 1, 31);
    }

    [Fact]
    public void Xlsx_ColumnWidths_ProblemAndBasisWideAndTextWraps()
    {
        using var book = Open(LedgerWorkbook.Xlsx(Sample, Headings, Title, "整改台账"));

        var widths = book.Worksheet.Descendants<Column>().ToDictionary(c => c.Min!.Value, c => c.Width!.Value);
        Assert.Equal(18, widths.Count);
        Assert.True(widths[7] >= 40, "Problem"); // G
        Assert.True(widths[8] >= 30, "Basis"); // H
        Assert.True(widths[1] < widths[7], "Number narrower than Problem");
        Assert.True(widths[12] >= 12, "Deadline fits yyyy-mm-dd"); // L
        var alignment = book.Style(book.Cell("G3")!).Alignment!;
        Assert.True(alignment.WrapText!.Value);
    }

    [Fact]
    public void Xlsx_20000Rows_Complete()
    {
        // How fast is measured in the ledger benchmark (README, Performance), not here.
        var rows = ManyRows(20_000);

        var bytes = LedgerWorkbook.Xlsx(rows, Headings, Title, "整改台账");

        using var book = Open(bytes);
        Assert.Equal(20_002, book.Worksheet.Descendants<Row>().Count());
        Assert.Equal("A2:R20002", book.SheetPart.TableDefinitionParts.Single().Table!.Reference!.Value);
        Assert.Equal("G7-20000", book.Text("A20002"));
        Assert.Equal("第19999条隐患：消防通道堵塞", book.Text("G20001"));
    }

    // ---------------------------------------------------------------- CSV

    [Fact]
    public void Csv_Rows_BomCrlfHeaderAndChineseIntact()
    {
        var bytes = LedgerWorkbook.Csv(Sample, Headings);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith(string.Join(",", HeadingTexts) + "\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);

        var records = ReadCsv(bytes);
        Assert.Equal(4, records.Count);
        Assert.Equal(HeadingTexts, records[0]);
        Assert.Equal(
            ["G7-001", "长沙某化工有限公司", "明查", "长沙经开区 甲类仓库", "危险化学品", "防火防爆", "甲类仓库与办公楼防火间距不足",
             "《建筑设计防火规范》GB 50016-2014（2018年版）第3.5.1条", "重大事故隐患", "长沙某化工有限公司", "张伟", "2023-11-16",
             "整改中", "", "", "", "", "4"],
            records[1]);
        Assert.Equal("2023-11-19 15:30", records[2][15]);
        Assert.Equal("复测合格，同意销号", records[2][16]);
        Assert.Equal("", records[2][17]); // not overdue: blank
    }

    [Fact]
    public void Csv_CommasQuotesAndNewlines_QuotedPerRfc4180()
    {
        var bytes = LedgerWorkbook.Csv(Sample, Headings);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Contains("\"药物混合工房防静电设施失效, 接地电阻\"\"超标\"\"\"", text, StringComparison.Ordinal);
        Assert.Contains("\"已更换接地装置\r\n复测合格（4Ω）\"", text, StringComparison.Ordinal);
        var records = ReadCsv(bytes);
        Assert.Equal("药物混合工房防静电设施失效, 接地电阻\"超标\"", records[2][6]);
        Assert.Equal("已更换接地装置\r\n复测合格（4Ω）", records[2][13]);
        Assert.All(records, r => Assert.Equal(18, r.Length));
    }

    [Fact]
    public void Csv_FormulaLikeCells_GetLeadingApostrophe()
    {
        var row = Injected with { Location = "@SUM(A1)", ResponsiblePerson = "\t张三", VerifiedBy = "\r李四", Unit = "湘潭=某公司" };
        var records = ReadCsv(LedgerWorkbook.Csv([row], Headings));

        var cells = records[1];
        Assert.Equal("'" + Hyperlink, cells[13]);
        Assert.Equal("'+86 联系电话未公示", cells[6]);
        Assert.Equal("'-", cells[7]);
        Assert.Equal("'@SUM(A1)", cells[3]);
        Assert.Equal("'\t张三", cells[10]);
        Assert.Equal("'\r李四", cells[14]);
        Assert.Equal("湘潭=某公司", cells[1]); // only the first character matters
        Assert.Equal("G7-003", cells[0]);
    }

    [Fact]
    public void Csv_EmptyLedger_HeaderOnly()
    {
        var bytes = LedgerWorkbook.Csv([], Headings);

        var records = ReadCsv(bytes);
        Assert.Equal(HeadingTexts, Assert.Single(records));
        Assert.Equal("\uFEFF" + string.Join(",", HeadingTexts) + "\r\n", Encoding.UTF8.GetString(bytes));
    }

    // ---------------------------------------------------------------- helpers

    private static LedgerRow[] ManyRows(int count) =>
        Enumerable.Range(1, count).Select(i => Warehouse with
        {
            Number = "G7-" + i.ToString("D3", CultureInfo.InvariantCulture),
            Problem = "第" + i.ToString(CultureInfo.InvariantCulture) + "条隐患：消防通道堵塞",
            Deadline = new DateOnly(2023, 11, 1).AddDays(i % 60),
            VerifiedAt = i % 3 == 0 ? new DateTime(2023, 11, 20, 9, i % 60, 0) : null,
            DaysOverdue = i % 5,
        }).ToArray();

    /// <summary>The headings with some columns' texts changed.</summary>
    private static string[] Renamed(params (int Column, string Text)[] changes)
    {
        var headings = HeadingTexts.ToArray();
        foreach (var (column, text) in changes)
        {
            headings[column] = text;
        }

        return headings;
    }

    private static string Column(int index) => ((char)('A' + index)).ToString();

    internal static List<string[]> ReadCsv(byte[] bytes)
    {
        var options = new CsvReaderOptions { HasHeader = false };
        using var reader = CsvReader.FromText(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), options);
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return records;
    }

    internal static ReadBack Open(byte[] bytes) => new(bytes);

    /// <summary>The first worksheet of a workbook, read with the Open XML SDK, with cell lookups by reference.</summary>
    internal sealed class ReadBack : IDisposable
    {
        private readonly MemoryStream _stream;
        private readonly Dictionary<string, Cell> _cells;
        private readonly List<string> _strings;

        public ReadBack(byte[] bytes)
        {
            _stream = new MemoryStream(bytes);
            Document = SpreadsheetDocument.Open(_stream, false);
            SheetPart = Document.WorkbookPart!.WorksheetParts.Single();
            Worksheet = SheetPart.Worksheet!;
            _cells = Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
            _strings = Document.WorkbookPart.SharedStringTablePart!.SharedStringTable!.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        }

        public SpreadsheetDocument Document { get; }

        public WorksheetPart SheetPart { get; }

        public Worksheet Worksheet { get; }

        private Stylesheet Styles => Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;

        public Cell? Cell(string reference) => _cells.GetValueOrDefault(reference);

        /// <summary>The text of a shared-string cell; fails for any other cell.</summary>
        public string Text(string reference)
        {
            var cell = Cell(reference) ?? throw new InvalidOperationException("no cell " + reference);
            Assert.Equal(CellValues.SharedString, cell.DataType?.Value);
            return _strings[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)];
        }

        public CellFormat Style(Cell cell) => Styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

        public string? NumberFormat(Cell cell)
        {
            var id = Style(cell).NumberFormatId!.Value;
            return Styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId!.Value == id)?.FormatCode?.Value;
        }

        public Font Font(Cell cell) => Styles.Fonts!.Elements<Font>().ElementAt((int)Style(cell).FontId!.Value);

        public string? FillColor(Cell cell)
        {
            var fill = Styles.Fills!.Elements<Fill>().ElementAt((int)Style(cell).FillId!.Value).PatternFill!;
            return fill.PatternType?.Value == PatternValues.Solid ? fill.ForegroundColor?.Rgb?.Value : null;
        }

        public void Dispose()
        {
            Document.Dispose();
            _stream.Dispose();
        }
    }
}
