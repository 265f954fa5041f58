using System.Text;
using Assistant.Core.Schedule;
using Assistant.Core.Schedule.Files;
using Ical.Net;

namespace Assistant.Tests.Schedule;

public sealed class ItineraryFilesTests
{
    private const string Header = "日期,开始,结束,类型,事项,地点,参加人员,备注";

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly Dictionary<long, string> Members = new()
    {
        [701] = "李明",
        [702] = "张伟",
        [703] = "王芳",
        [704] = "赵组长",
        [705] = "Wei Zhang",
    };

    /// <summary>The Hunan visit of team 7, 1–10 November 2023, as a liaison types it in Excel (header is line 1).</summary>
    private static readonly string[] HunanRows =
    [
        "2023/11/01,08:00,10:30,路途,乘高铁赴长沙,北京西站—长沙南站,全体,G79次",
        "2023-11-01,15:00,17:00,见面会,见面会暨湖南省安全生产工作汇报,长沙市 湖南省人民政府第一会议室,全体,省政府主要负责同志主持；组长讲话；省政府汇报",
        "2023-11-02,09:00,12:00,调阅材料,调阅省应急管理厅安全生产考核资料,省应急管理厅 3楼档案室,张伟、王芳,需提前准备2021—2023年度考核档案",
        "2023-11-02,14:30,17:30,个别谈话,与省安委会成员单位负责同志个别谈话,湘江宾馆 2号楼 201,赵组长、李明,\"每人约30分钟, 名单见附件\"",
        "2023-11-03,06:00,08:30,暗访,暗访长沙经开区危化品企业,长沙经开区,李明 张伟,不通知地方",
        "2023-11-03,09:30,12:00,实地检查,检查长沙地铁6号线在建工地,长沙市 地铁6号线工地,全体人员,",
        "2023-11-04,08:30,09:30,路途,赴湘潭市,长沙—湘潭,全体,",
        "2023-11-04,10:00,12:00,汇报会,听取湘潭市安全生产工作汇报,湘潭市人民政府,全体,",
        "2023-11-04,14:30,17:30,实地检查,检查湘潭钢铁集团,湘潭市 岳塘区,张伟；王芳；省应急厅陪同人员,",
        "2023年11月5日,9:00,11:30,调阅材料,调阅湘潭市执法检查案卷,湘潭市应急管理局,王芳,",
        "2023-11-06,08:00,09:00,路途,赴株洲市,湘潭—株洲,全体,",
        "2023-11-06,09:30,11:30,汇报会,听取株洲市安全生产工作汇报,株洲市人民政府,全体,",
        "2023-11-06,14:00,17:00,实地检查,检查株洲烟花爆竹生产企业,株洲市 醴陵市,\"李明,张伟\",",
        "2023-11-07,05:30,08:00,暗访,暗访醴陵市烟花爆竹仓储点,株洲市 醴陵市,李明、赵组长,",
        "2023-11-07,14:30,17:30,培训,安全生产专题培训（专家授课）,株洲市应急管理局 报告厅,张伟,面向市县两级应急管理干部",
        "2023-11-08,09:00,12:00,个别谈话,与株洲市有关负责同志谈话,株洲宾馆,赵组长、李明,",
        "2023-11-08,15:00,17:00,路途,返回长沙,株洲—长沙,全体,",
        "2023-11-09,09:00,17:30,其他,汇总检查情况、起草反馈意见,湘江宾馆,全体,",
        "2023-11-10,09:00,11:00,反馈会,向湖南省反馈考核巡查情况,湖南省人民政府第一会议室,全体,组长反馈",
        "2023-11-10,14:00,,路途,返京,长沙南站,全体,",
    ];

    // ---------- CSV: good files ----------

    [Fact]
    public void CsvParse_HunanItineraryInChinese_ImportsEveryRowWithExactUtcTimes()
    {
        var result = ItineraryCsv.Parse(Csv(Header, HunanRows), Shanghai);

        Assert.Empty(result.Errors);
        Assert.True(result.Ok);
        Assert.Equal(20, result.Items.Count);
        Assert.Equal(Enumerable.Range(2, 20), result.Items.Select(i => i.Line));

        var kickOff = result.Items[1];
        Assert.Equal(EventKind.KickOffMeeting, kickOff.Kind);
        Assert.Equal("见面会暨湖南省安全生产工作汇报", kickOff.Title);
        Assert.Equal("长沙市 湖南省人民政府第一会议室", kickOff.Place);
        Assert.Equal(Utc(1, 7, 0), kickOff.StartUtc);
        Assert.Equal(Utc(1, 9, 0), kickOff.EndUtc);
        Assert.Equal(DateTimeKind.Utc, kickOff.StartUtc.Kind);
        Assert.True(kickOff.WholeTeam);
        Assert.Empty(kickOff.ParticipantNames);
        Assert.Equal("省政府主要负责同志主持；组长讲话；省政府汇报", kickOff.Notes);

        var interview = result.Items[3];
        Assert.Equal(EventKind.Interview, interview.Kind);
        Assert.Equal(["赵组长", "李明"], interview.ParticipantNames);
        Assert.False(interview.WholeTeam);
        Assert.Equal("每人约30分钟, 名单见附件", interview.Notes);

        var xiangtan = result.Items[8];
        Assert.Equal(EventKind.SiteInspection, xiangtan.Kind);
        Assert.Equal("湘潭市 岳塘区", xiangtan.Place);
        Assert.Equal(["张伟", "王芳", "省应急厅陪同人员"], xiangtan.ParticipantNames);

        var documents = result.Items[9];
        Assert.Equal(EventKind.DocumentReview, documents.Kind);
        Assert.Equal(Utc(5, 1, 0), documents.StartUtc);
        Assert.Equal(Utc(5, 3, 30), documents.EndUtc);
        Assert.Null(documents.Notes);

        Assert.Equal(EventKind.Training, result.Items[14].Kind);
        Assert.Equal(EventKind.Other, result.Items[17].Kind);
        Assert.Equal(EventKind.FeedbackMeeting, result.Items[18].Kind);
        Assert.Equal(["湘潭市", "株洲市"], result.Items.Where(i => i.Kind == EventKind.Briefing).Select(i => i.Title[2..5]));
    }

    [Fact]
    public void CsvParse_EarlyMorningCovertVisit_StartsOnThePreviousUtcDay()
    {
        var result = ItineraryCsv.Parse(Csv(Header, HunanRows), Shanghai);

        var covert = result.Items.Where(i => i.Kind == EventKind.CovertVisit).ToList();
        Assert.Equal(2, covert.Count);
        Assert.Equal(new DateTime(2023, 11, 2, 22, 0, 0, DateTimeKind.Utc), covert[0].StartUtc);
        Assert.Equal(Utc(3, 0, 30), covert[0].EndUtc);
        Assert.Equal(["李明", "张伟"], covert[0].ParticipantNames);
        Assert.Equal(new DateTime(2023, 11, 6, 21, 30, 0, DateTimeKind.Utc), covert[1].StartUtc);
    }

    [Fact]
    public void CsvParse_EmptyEnd_LastsOneHour()
    {
        var result = ItineraryCsv.Parse(Csv(Header, HunanRows), Shanghai);

        var home = result.Items[^1];
        Assert.Equal("返京", home.Title);
        Assert.Equal(Utc(10, 6, 0), home.StartUtc);
        Assert.Equal(Utc(10, 7, 0), home.EndUtc);
    }

    [Fact]
    public void CsvParse_EnglishHeadersInAnotherOrderAndCase_ReadsTheSameItems()
    {
        var chinese = ItineraryCsv.Parse(Csv(Header, HunanRows), Shanghai);
        var english = ItineraryCsv.Parse(Csv("Title,notes,DATE,Participants,start,Kind,END,place", HunanRows.Select(Reorder).ToArray()), Shanghai);

        Assert.True(english.Ok, Describe(english));
        AssertSameItems(chinese.Items, english.Items);

        // date,start,end,kind,title,place,participants,notes → title,notes,date,participants,start,kind,end,place
        static string Reorder(string row)
        {
            var c = SplitRow(row);
            return string.Join(",", c[4], c[7], c[0], c[6], c[1], c[3], c[2], c[5]);
        }
    }

    [Fact]
    public void CsvParse_WithAndWithoutBom_ReadsTheSameItems()
    {
        var plain = Csv(Header, HunanRows);
        var withBom = Encoding.UTF8.GetPreamble().Concat(plain).ToArray();

        var a = ItineraryCsv.Parse(plain, Shanghai);
        var b = ItineraryCsv.Parse(withBom, Shanghai);

        Assert.True(b.Ok, Describe(b));
        AssertSameItems(a.Items, b.Items);
    }

    [Fact]
    public void CsvParse_GbkBytes_ReadsTheChineseText()
    {
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        var bytes = gbk.GetBytes(string.Join("\r\n", [Header, .. HunanRows]));

        var result = ItineraryCsv.Parse(bytes, Shanghai);

        Assert.True(result.Ok, Describe(result));
        AssertSameItems(ItineraryCsv.Parse(Csv(Header, HunanRows), Shanghai).Items, result.Items);
        Assert.Equal("检查湘潭钢铁集团", result.Items[8].Title);
    }

    [Theory]
    [InlineData("2023-11-01")]
    [InlineData("2023/11/01")]
    [InlineData("2023/11/1")]
    [InlineData("2023.11.01")]
    [InlineData("2023年11月1日")]
    [InlineData("2023年11月01日")]
    [InlineData(" 2023-11-01 ")]
    public void CsvParse_DateForms_AreRead(string date)
    {
        var result = ItineraryCsv.Parse(Csv(Header, $"{date},09:00,10:00,培训,安全培训,,,"), Shanghai);

        Assert.True(result.Ok, Describe(result));
        Assert.Equal(Utc(1, 1, 0), result.Items[0].StartUtc);
    }

    [Theory]
    [InlineData("9:00", 1, 0)]
    [InlineData("09:00", 1, 0)]
    [InlineData("14:30", 6, 30)]
    [InlineData("9:00:00", 1, 0)]
    [InlineData("9：00", 1, 0)]
    [InlineData("0:00", -8, 0)]
    [InlineData("23:59", 15, 59)]
    public void CsvParse_TimeForms_AreRead(string time, int utcHour, int minute)
    {
        var result = ItineraryCsv.Parse(Csv(Header, $"2023-11-01,{time},,培训,安全培训,,,"), Shanghai);

        Assert.True(result.Ok, Describe(result));
        Assert.Equal(Utc(1, 0, 0).AddHours(utcHour).AddMinutes(minute), result.Items[0].StartUtc);
    }

    [Theory]
    [InlineData("张伟、王芳、李明")]
    [InlineData("张伟,王芳,李明")]
    [InlineData("张伟，王芳，李明")]
    [InlineData("张伟;王芳;李明")]
    [InlineData("张伟；王芳；李明")]
    [InlineData("张伟 王芳  李明")]
    [InlineData("张伟、 王芳 、李明、张伟")]
    public void CsvParse_ParticipantSeparators_SplitTheNames(string participants)
    {
        var result = ItineraryCsv.Parse(Csv(Header, $"2023-11-01,09:00,10:00,培训,安全培训,,\"{participants}\","), Shanghai);

        Assert.True(result.Ok, Describe(result));
        Assert.Equal(["张伟", "王芳", "李明"], result.Items[0].ParticipantNames);
        Assert.False(result.Items[0].WholeTeam);
    }

    [Theory]
    [InlineData("全体")]
    [InlineData("全体人员")]
    [InlineData("all")]
    [InlineData("Everyone")]
    public void CsvParse_WholeTeamWord_SetsWholeTeamWithoutNames(string participants)
    {
        var result = ItineraryCsv.Parse(Csv(Header, $"2023-11-01,09:00,10:00,培训,安全培训,,{participants},"), Shanghai);

        Assert.True(result.Items[0].WholeTeam);
        Assert.Empty(result.Items[0].ParticipantNames);
    }

    [Fact]
    public void CsvParse_WholeTeamWithOthers_KeepsTheOthers()
    {
        var result = ItineraryCsv.Parse(Csv(Header, "2023-11-01,09:00,10:00,培训,安全培训,,全体、省应急厅陪同人员,"), Shanghai);

        Assert.True(result.Items[0].WholeTeam);
        Assert.Equal(["省应急厅陪同人员"], result.Items[0].ParticipantNames);
    }

    [Fact]
    public void CsvParse_OnlyRequiredColumns_DefaultsKindToOtherAndEndToOneHour()
    {
        var result = ItineraryCsv.Parse(Csv("事项,日期,开始", "集体学习,2023-11-09,20:00"), Shanghai);

        Assert.True(result.Ok, Describe(result));
        var item = result.Items[0];
        Assert.Equal(EventKind.Other, item.Kind);
        Assert.Equal(Utc(9, 12, 0), item.StartUtc);
        Assert.Equal(Utc(9, 13, 0), item.EndUtc);
        Assert.Null(item.Place);
        Assert.Null(item.Notes);
        Assert.False(item.WholeTeam);
        Assert.Empty(item.ParticipantNames);
    }

    [Fact]
    public void CsvParse_UnknownColumns_AreIgnored()
    {
        var result = ItineraryCsv.Parse(Csv("序号,日期,开始,事项,负责人", "1,2023-11-01,09:00,见面会,=A1"), Shanghai);

        Assert.True(result.Ok, Describe(result));
        Assert.Equal("见面会", result.Items[0].Title);
    }

    [Fact]
    public void CsvParse_BlankLinesAndEmptyExcelRows_AreSkippedButKeepTheLineNumbers()
    {
        var text = "\r\n" + Header + "\r\n\r\n" + HunanRows[0] + "\r\n,,,,,,,\r\n   \r\n" + "2023-11-01,25:00,,,见面会,,,\r\n\r\n";

        var result = ItineraryCsv.Parse(Encoding.UTF8.GetBytes(text), Shanghai);

        var item = Assert.Single(result.Items);
        Assert.Equal(4, item.Line);
        var error = Assert.Single(result.Errors);
        Assert.Equal(new ImportError(7, ImportProblem.BadTime, "25:00"), error);
    }

    [Fact]
    public void CsvParse_NotesOverSeveralLines_KeepTheLineBreaksAndCountPhysicalLines()
    {
        var result = ItineraryCsv.Parse(Csv(Header, "2023-11-02,09:00,12:00,调阅材料,调阅资料,档案室,王芳,\"第一，安全生产责任制\n第二，隐患排查台账\"", "2023-11-02,14:30,13:00,个别谈话,谈话,,,"), Shanghai);

        Assert.Equal("第一，安全生产责任制\n第二，隐患排查台账", result.Items[0].Notes);
        Assert.Equal(new ImportError(4, ImportProblem.EndBeforeStart, "结束"), Assert.Single(result.Errors));
    }

    [Fact]
    public void CsvParse_Apostrophes_OnlyTheOneBeforeAFormulaCharacterIsRemoved()
    {
        var result = ItineraryCsv.Parse(Csv(Header, "2023-11-01,09:00,10:00,培训,'专家'授课,,,'+86 731 1234'"), Shanghai);

        Assert.Equal("'专家'授课", result.Items[0].Title);
        Assert.Equal("+86 731 1234'", result.Items[0].Notes);
    }

    [Fact]
    public void CsvParse_EndEqualToStart_IsAccepted()
    {
        var result = ItineraryCsv.Parse(Csv(Header, "2023-11-01,07:00,07:00,路途,集合出发,宾馆大堂,全体,"), Shanghai);

        Assert.True(result.Ok, Describe(result));
        Assert.Equal(result.Items[0].StartUtc, result.Items[0].EndUtc);
    }

    // ---------- CSV: every problem, with its line ----------

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0x0D, 0x0A, 0x20, 0x0D, 0x0A })]
    [InlineData(new byte[] { 0x2C, 0x2C, 0x2C, 0x0D, 0x0A, 0x2C, 0x2C })]
    public void CsvParse_NothingInTheFile_ReportsEmptyFile(byte[] content)
    {
        var result = ItineraryCsv.Parse(content, Shanghai);

        Assert.Equal(new ImportError(0, ImportProblem.EmptyFile, null), Assert.Single(result.Errors));
        Assert.Empty(result.Items);
        Assert.False(result.Ok);
    }

    [Fact]
    public void CsvParse_BytesInNoSupportedEncoding_ReportsNotUtf8()
    {
        byte[] content = [.. Encoding.UTF8.GetBytes(Header + "\r\n2023-11-01,09:00,10:00,培训,"), 0xFF, 0xFE, 0x80, 0xFF, 0x0D, 0x0A];

        var result = ItineraryCsv.Parse(content, Shanghai);

        Assert.Equal(new ImportError(0, ImportProblem.NotUtf8, null), Assert.Single(result.Errors));
    }

    [Fact]
    public void CsvParse_SpreadsheetSentAsCsv_ReportsNotUtf8()
    {
        byte[] xlsx = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00];

        var error = Assert.Single(ItineraryCsv.Parse(xlsx, Shanghai).Errors);

        Assert.Equal(ImportProblem.NotUtf8, error.Problem);
        Assert.Equal(0, error.Line);
    }

    [Fact]
    public void CsvParse_MissingRequiredColumns_ReportsEachOnLineOne()
    {
        var result = ItineraryCsv.Parse(Csv("结束,类型,地点,备注", "10:00,培训,长沙,"), Shanghai);

        Assert.Equal(
            [
                new ImportError(1, ImportProblem.MissingColumn, "日期/date"),
                new ImportError(1, ImportProblem.MissingColumn, "开始/start"),
                new ImportError(1, ImportProblem.MissingColumn, "事项/title"),
            ],
            result.Errors);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void CsvParse_DuplicateColumn_ReportsMalformedRowOnTheHeader()
    {
        var result = ItineraryCsv.Parse(Csv("日期,开始,事项,Date", "2023-11-01,09:00,见面会,2023-11-02"), Shanghai);

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, ImportProblem.MalformedRow), (error.Line, error.Problem));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void CsvParse_HeaderWithoutRows_ReportsNoEvents()
    {
        var result = ItineraryCsv.Parse(Csv(Header, ",,,,,,,"), Shanghai);

        Assert.Equal(new ImportError(0, ImportProblem.NoEvents, null), Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData("2023-11-31")]
    [InlineData("2023-13-01")]
    [InlineData("2023-02-29")]
    [InlineData("11/01/2023")]
    [InlineData("11月1日")]
    [InlineData("明天")]
    [InlineData("2023-11-01 09:00")]
    [InlineData("1023-11-01")]
    [InlineData("0001-01-01")]
    [InlineData("")]
    public void CsvParse_BadDate_ReportsBadDateOnItsLine(string date)
    {
        var result = ItineraryCsv.Parse(Csv(Header, HunanRows[0], $"{date},09:00,10:00,培训,安全培训,,,"), Shanghai);

        // The bad value is quoted back; an empty cell is named by its column.
        Assert.Equal(new ImportError(3, ImportProblem.BadDate, date.Length == 0 ? "日期" : date), Assert.Single(result.Errors));
        Assert.Single(result.Items);
        Assert.False(result.Ok);
    }

    [Theory]
    [InlineData("25:00", "10:00", "25:00")]
    [InlineData("9:60", "10:00", "9:60")]
    [InlineData("nine", "10:00", "nine")]
    [InlineData("", "10:00", "开始")]
    [InlineData("0900", "10:00", "0900")]
    [InlineData("09:00", "24:00", "24:00")]
    [InlineData("09:00", "10:00:30", "10:00:30")]
    public void CsvParse_BadTime_ReportsBadTimeWithTheValueOrTheColumn(string start, string end, string detail)
    {
        var result = ItineraryCsv.Parse(Csv(Header, $"2023-11-01,{start},{end},培训,安全培训,,,"), Shanghai);

        Assert.Equal(new ImportError(2, ImportProblem.BadTime, detail), Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void CsvParse_EndBeforeStart_ReportsEndBeforeStart()
    {
        var result = ItineraryCsv.Parse(Csv(Header, "2023-11-03,22:00,01:00,暗访,夜查烟花爆竹仓库,醴陵市,李明,"), Shanghai);

        Assert.Equal(new ImportError(2, ImportProblem.EndBeforeStart, "结束"), Assert.Single(result.Errors));
    }

    [Fact]
    public void CsvParse_UnknownKind_ReportsUnknownKind()
    {
        var result = ItineraryCsv.Parse(Csv(Header, "2023-11-03,09:00,10:00,座谈会,企业座谈,,,"), Shanghai);

        Assert.Equal(new ImportError(2, ImportProblem.UnknownKind, "座谈会"), Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"  \"")]
    public void CsvParse_EmptyTitle_ReportsMissingTitle(string title)
    {
        var result = ItineraryCsv.Parse(Csv(Header, $"2023-11-03,09:00,10:00,培训,{title},,,"), Shanghai);

        Assert.Equal(new ImportError(2, ImportProblem.MissingTitle, "事项"), Assert.Single(result.Errors));
    }

    [Fact]
    public void CsvParse_OverlongCells_ReportTooLongWithEachColumn()
    {
        var longest = Csv(Header, $"2023-11-03,09:00,10:00,培训,{new string('题', 200)},{new string('地', 200)},,{new string('注', 2000)}");
        var tooLong = Csv(Header, $"2023-11-03,09:00,10:00,培训,{new string('题', 201)},{new string('地', 201)},,{new string('注', 2001)}");

        Assert.True(ItineraryCsv.Parse(longest, Shanghai).Ok);
        Assert.Equal(
            [
                new ImportError(2, ImportProblem.TooLong, "事项"),
                new ImportError(2, ImportProblem.TooLong, "地点"),
                new ImportError(2, ImportProblem.TooLong, "备注"),
            ],
            ItineraryCsv.Parse(tooLong, Shanghai).Errors);
    }

    [Fact]
    public void CsvParse_FormulaCells_ReportFormulaWithTheColumnAndImportNothingOfTheRow()
    {
        var result = ItineraryCsv.Parse(
            Csv(
                Header,
                "2023-11-03,09:00,10:00,培训,\"=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",长沙,,",
                "2023-11-03,11:00,12:00,培训,安全培训,@SUM(A1:A9),, =1+1",
                "2023-11-03,14:00,15:00,培训,'=不是公式,长沙,,"),
            Shanghai);

        Assert.Equal(
            [
                new ImportError(2, ImportProblem.Formula, "事项"),
                new ImportError(3, ImportProblem.Formula, "地点"),
                new ImportError(3, ImportProblem.Formula, "备注"),
            ],
            result.Errors);
        var item = Assert.Single(result.Items);
        Assert.Equal("=不是公式", item.Title);
    }

    [Fact]
    public void CsvParse_SeveralBadRows_ReportsEveryRowAndKeepsTheGoodOnes()
    {
        string[] rows = [.. HunanRows];
        rows[2] = "2023-11-02,09:00,12:00,调阅材料,,省应急管理厅,张伟,";           // line 4
        rows[6] = "2023-11-04,8:30,7:30,路途,赴湘潭市,长沙—湘潭,全体,";             // line 8
        rows[11] = "2023-11-36,09:30,11:30,会议,听取汇报,株洲市人民政府,全体,";      // line 13: date and kind

        var result = ItineraryCsv.Parse(Csv(Header, rows), Shanghai);

        Assert.Equal(
            [
                new ImportError(4, ImportProblem.MissingTitle, "事项"),
                new ImportError(8, ImportProblem.EndBeforeStart, "结束"),
                new ImportError(13, ImportProblem.BadDate, "2023-11-36"),
                new ImportError(13, ImportProblem.UnknownKind, "会议"),
            ],
            result.Errors);
        Assert.Equal(17, result.Items.Count);
        Assert.DoesNotContain(result.Items, i => i.Line is 4 or 8 or 13);
        Assert.False(result.Ok);
    }

    [Fact]
    public void CsvParse_UnbalancedQuote_ReportsMalformedRowOnItsLine()
    {
        var result = ItineraryCsv.Parse(Csv(Header, HunanRows[0], HunanRows[1], "2023-11-02,09:00,12:00,调阅材料,\"调阅资料,档案室,,", HunanRows[3]), Shanghai);

        var error = Assert.Single(result.Errors);
        Assert.Equal((4, ImportProblem.MalformedRow), (error.Line, error.Problem));
        Assert.Equal(2, result.Items.Count);
    }

    [Fact]
    public void CsvParse_QuoteOpenUntilTheEnd_ReportsMalformedRowOnItsLine()
    {
        var result = ItineraryCsv.Parse(Csv(Header, HunanRows[0], "2023-11-02,09:00,12:00,调阅材料,\"调阅资料,档案室,,", HunanRows[4], HunanRows[5]), Shanghai);

        Assert.Equal(new ImportError(3, ImportProblem.MalformedRow, "UnterminatedQuote"), Assert.Single(result.Errors));
        Assert.Single(result.Items);
    }

    [Fact]
    public void CsvParse_TextAfterAClosingQuote_ReportsMalformedRow()
    {
        var result = ItineraryCsv.Parse(Csv(Header, "2023-11-02,09:00,12:00,调阅材料,\"调阅\"资料,档案室,,", HunanRows[3]), Shanghai);

        Assert.Equal(new ImportError(2, ImportProblem.MalformedRow, "TextAfterClosingQuote"), Assert.Single(result.Errors));
        Assert.Single(result.Items);
    }

    [Fact]
    public void CsvParse_QuoteInsideAnUnquotedCell_IsText()
    {
        var result = ItineraryCsv.Parse(Csv(Header, "2023-11-02,09:00,12:00,培训,讲解\"三管三必须\",报告厅,,"), Shanghai);

        Assert.True(result.Ok, Describe(result));
        Assert.Equal("讲解\"三管三必须\"", result.Items[0].Title);
    }

    [Fact]
    public void CsvParse_MoreCellsThanTheHeader_ReportsMalformedRow()
    {
        var result = ItineraryCsv.Parse(Csv(Header, "2023-11-02,09:00,12:00,调阅材料,调阅资料,档案室,张伟,第一,第二"), Shanghai);

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, ImportProblem.MalformedRow), (error.Line, error.Problem));
    }

    [Fact]
    public void CsvParse_FiveHundredRows_AreAccepted()
    {
        var rows = Enumerable.Range(0, ItineraryLimits.MaxItems).Select(i => $"2023-11-01,09:00,10:00,培训,第{i}期培训,,,").ToArray();

        var result = ItineraryCsv.Parse(Csv(Header, rows), Shanghai);

        Assert.True(result.Ok, Describe(result));
        Assert.Equal(500, result.Items.Count);
    }

    [Fact]
    public void CsvParse_FiveHundredAndOneRows_ReportsTooManyRowsOnTheFirstRowOver()
    {
        var rows = Enumerable.Range(0, 600).Select(i => $"2023-11-01,09:00,10:00,培训,第{i}期培训,,,").ToArray();

        var result = ItineraryCsv.Parse(Csv(Header, rows), Shanghai);

        Assert.Equal(new ImportError(502, ImportProblem.TooManyRows, "500"), Assert.Single(result.Errors));
        Assert.False(result.Ok);
    }

    // ---------- CSV: hostile input ----------

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 1000)]
    [InlineData(3, 65_536)]
    [InlineData(4, 5 * 1024 * 1024)]
    public void CsvParse_RandomBytes_ReportsErrorsWithoutThrowing(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);

        var result = ItineraryCsv.Parse(bytes, Shanghai);

        Assert.NotEmpty(result.Errors);
        Assert.False(result.Ok);
    }

    [Fact]
    public void CsvParse_BinaryBlob_ReportsNotUtf8()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, .. new byte[200]];

        var result = ItineraryCsv.Parse(png, Shanghai);

        Assert.Equal(ImportProblem.NotUtf8, Assert.Single(result.Errors).Problem);
    }

    [Fact]
    public void CsvParse_TextWithNulCharacters_ReportsNotUtf8()
    {
        var result = ItineraryCsv.Parse(Encoding.UTF8.GetBytes(Header + "\r\n2023-11-01,09:00,,培训,\0\0\0,,,"), Shanghai);

        Assert.Equal(new ImportError(0, ImportProblem.NotUtf8, "binary"), Assert.Single(result.Errors));
    }

    [Fact]
    public void CsvParse_FiveMegabytesOfRows_StopsAtTheRowLimit()
    {
        var row = "2023-11-01,09:00,10:00,培训,安全生产专题培训,株洲市应急管理局 报告厅,全体," + new string('注', 300);
        var rows = Enumerable.Repeat(row, 5 * 1024 * 1024 / Encoding.UTF8.GetByteCount(row) + 1).ToArray();
        var content = Csv(Header, rows);
        Assert.True(content.Length > 5 * 1024 * 1024);

        var result = ItineraryCsv.Parse(content, Shanghai);

        Assert.Equal(ImportProblem.TooManyRows, Assert.Single(result.Errors).Problem);
    }

    [Fact]
    public void CsvParse_FileOverTheSizeLimit_ReportsTooLong()
    {
        var result = ItineraryCsv.Parse(new byte[ItineraryLimits.MaxFileBytes + 1], Shanghai);

        Assert.Equal(new ImportError(0, ImportProblem.TooLong, "file"), Assert.Single(result.Errors));
    }

    [Fact]
    public void CsvParse_IcsSentAsCsv_ReportsMissingColumns()
    {
        var ics = ItineraryIcs.Write(HunanItems(), Shanghai, Name, "第七组");

        var result = ItineraryCsv.Parse(ics, Shanghai);

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Equal((1, ImportProblem.MissingColumn), (e.Line, e.Problem)));
        Assert.Empty(result.Items);
    }

    // ---------- CSV: writing ----------

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CsvWrite_ThenParse_GivesTheSameItems(bool chineseHeader)
    {
        var items = HunanItems();

        var result = ItineraryCsv.Parse(ItineraryCsv.Write(items, Shanghai, Name, chineseHeader), Shanghai);

        Assert.True(result.Ok, Describe(result));
        AssertMatches(items, result.Items);
    }

    [Fact]
    public void CsvWrite_StartsWithBomAndTheChineseHeader()
    {
        var bytes = ItineraryCsv.Write(HunanItems(), Shanghai, Name);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith(Header + "\r\n", text, StringComparison.Ordinal);
        Assert.Contains("2023-11-01,15:00,17:00,见面会,见面会暨湖南省安全生产工作汇报,", text, StringComparison.Ordinal);
        Assert.Contains(",全体,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvWrite_EnglishHeader_WritesEnglishNamesAndKinds()
    {
        var text = Encoding.UTF8.GetString(ItineraryCsv.Write(HunanItems(), Shanghai, Name, chineseHeader: false)[3..]);

        Assert.StartsWith("date,start,end,kind,title,place,participants,notes\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",KickOffMeeting,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvWrite_FormulaLikeText_GetsAnApostropheThatParseRemoves()
    {
        string[] titles = ["=HYPERLINK(\"http://x\",\"点我\")", "+86 731", "-5℃低温作业检查", "@所有人", "'=已转义", "''+两次", "'普通引号"];
        var items = titles.Select((t, i) => Item(i + 1, EventKind.Other, t, 1, 9 + i, 10 + i)).ToList();
        items[0].Place = "=1+1";
        items[1].OtherParticipants = ["=cmd|' /C calc'!A0"];
        items[2].Notes = "-注意";

        var bytes = ItineraryCsv.Write(items, Shanghai, Name);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains(",'=1+1,", text, StringComparison.Ordinal);
        Assert.Contains(",'+86 731,", text, StringComparison.Ordinal);
        Assert.Contains(",'-5℃", text, StringComparison.Ordinal);
        Assert.Contains(",'@所有人,", text, StringComparison.Ordinal);
        Assert.Contains(",''=已转义,", text, StringComparison.Ordinal);
        Assert.Contains(",'''+两次,", text, StringComparison.Ordinal);
        Assert.Contains(",'普通引号,", text, StringComparison.Ordinal);
        Assert.Contains(",'=cmd|' /C calc'!A0、,", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=", text, StringComparison.Ordinal);

        var result = ItineraryCsv.Parse(bytes, Shanghai);
        Assert.True(result.Ok, Describe(result));
        Assert.Equal(titles, result.Items.Select(i => i.Title));
        Assert.Equal("=1+1", result.Items[0].Place);
        Assert.Equal(["=cmd|' /C calc'!A0"], result.Items[1].ParticipantNames);
        Assert.Equal("-注意", result.Items[2].Notes);
    }

    [Fact]
    public void CsvWrite_CancelledItems_AreLeftOut()
    {
        var items = HunanItems();
        items[1].Cancelled = true;

        var result = ItineraryCsv.Parse(ItineraryCsv.Write(items, Shanghai, Name), Shanghai);

        Assert.Equal(items.Count - 1, result.Items.Count);
        Assert.DoesNotContain(result.Items, i => i.Title == items[1].Title);
    }

    [Fact]
    public void CsvWrite_OneNameWithASpace_ReadsBackAsOneName()
    {
        var item = Item(1, EventKind.Training, "英文授课", 7, 14, 17);
        item.Participants = [705];

        var result = ItineraryCsv.Parse(ItineraryCsv.Write([item], Shanghai, Name), Shanghai);

        Assert.Equal(["Wei Zhang"], result.Items[0].ParticipantNames);
    }

    // ---------- ICS: reading ----------

    [Fact]
    public void IcsParse_TzidAsiaShanghai_ConvertsToUtc()
    {
        var result = ItineraryIcs.Parse(Ics(
            "BEGIN:VEVENT", "UID:a@x", "DTSTART;TZID=Asia/Shanghai:20231101T150000", "DTEND;TZID=Asia/Shanghai:20231101T170000",
            "SUMMARY:见面会", "LOCATION:湖南省人民政府第一会议室", "DESCRIPTION:省政府汇报\\n组长讲话", "END:VEVENT"), Shanghai);

        Assert.True(result.Ok, Describe(result));
        var item = result.Items[0];
        Assert.Equal((Utc(1, 7, 0), Utc(1, 9, 0)), (item.StartUtc, item.EndUtc));
        Assert.Equal(DateTimeKind.Utc, item.StartUtc.Kind);
        Assert.Equal(("见面会", "湖南省人民政府第一会议室", "省政府汇报\n组长讲话"), (item.Title, item.Place, item.Notes));
        Assert.Equal(1, item.Line);
    }

    [Fact]
    public void IcsParse_UtcTimes_AreKept()
    {
        var result = ItineraryIcs.Parse(Ics(
            "BEGIN:VEVENT", "UID:a@x", "DTSTART:20231102T220000Z", "DTEND:20231103T003000Z", "SUMMARY:暗访", "END:VEVENT"), Shanghai);

        Assert.True(result.Ok, Describe(result));
        Assert.Equal(new DateTime(2023, 11, 2, 22, 0, 0, DateTimeKind.Utc), result.Items[0].StartUtc);
        Assert.Equal(Utc(3, 0, 30), result.Items[0].EndUtc);
    }

    [Fact]
    public void IcsParse_FloatingTimes_AreTeamLocal()
    {
        var result = ItineraryIcs.Parse(Ics(
            "BEGIN:VEVENT", "UID:a@x", "DTSTART:20231104T143000", "DTEND:20231104T173000", "SUMMARY:检查湘潭钢铁集团", "END:VEVENT"), Shanghai);

        Assert.Equal((Utc(4, 6, 30), Utc(4, 9, 30)), (result.Items[0].StartUtc, result.Items[0].EndUtc));
    }

    [Fact]
    public void IcsParse_AllDayEvent_CoversTheTeamLocalDay()
    {
        var result = ItineraryIcs.Parse(Ics(
            "BEGIN:VEVENT", "UID:a@x", "DTSTART;VALUE=DATE:20231109", "DTEND;VALUE=DATE:20231110", "SUMMARY:汇总检查情况", "END:VEVENT",
            "BEGIN:VEVENT", "UID:b@x", "DTSTART;VALUE=DATE:20231105", "SUMMARY:整理材料", "END:VEVENT"), Shanghai);

        Assert.True(result.Ok, Describe(result));
        Assert.Equal((new DateTime(2023, 11, 8, 16, 0, 0, DateTimeKind.Utc), new DateTime(2023, 11, 9, 16, 0, 0, DateTimeKind.Utc)), (result.Items[0].StartUtc, result.Items[0].EndUtc));
        Assert.Equal((new DateTime(2023, 11, 4, 16, 0, 0, DateTimeKind.Utc), new DateTime(2023, 11, 5, 16, 0, 0, DateTimeKind.Utc)), (result.Items[1].StartUtc, result.Items[1].EndUtc));
    }

    [Fact]
    public void IcsParse_DurationOrNoEnd_GivesTheEnd()
    {
        var result = ItineraryIcs.Parse(Ics(
            "BEGIN:VEVENT", "UID:a@x", "DTSTART;TZID=Asia/Shanghai:20231107T143000", "DURATION:PT3H", "SUMMARY:培训", "END:VEVENT",
            "BEGIN:VEVENT", "UID:b@x", "DTSTART;TZID=Asia/Shanghai:20231110T140000", "SUMMARY:返京", "END:VEVENT"), Shanghai);

        Assert.Equal(Utc(7, 9, 30), result.Items[0].EndUtc);
        Assert.Equal(Utc(10, 7, 0), result.Items[1].EndUtc);
    }

    [Fact]
    public void IcsParse_WindowsZoneName_ConvertsToUtc()
    {
        var result = ItineraryIcs.Parse(Ics(
            "BEGIN:VEVENT", "UID:a@x", "DTSTART;TZID=China Standard Time:20231101T150000", "DTEND;TZID=China Standard Time:20231101T170000", "SUMMARY:见面会", "END:VEVENT"), Shanghai);

        Assert.Equal(Utc(1, 7, 0), result.Items[0].StartUtc);
    }

    [Fact]
    public void IcsParse_CustomZoneWithOneOffset_UsesItsVtimezone()
    {
        var result = ItineraryIcs.Parse(Ics(
            "BEGIN:VTIMEZONE", "TZID:GMT+0800", "BEGIN:STANDARD", "DTSTART:16010101T000000", "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VEVENT", "UID:a@x", "DTSTART;TZID=GMT+0800:20231101T150000", "DTEND;TZID=GMT+0800:20231101T170000", "SUMMARY:见面会", "END:VEVENT"), Shanghai);

        Assert.True(result.Ok, Describe(result));
        Assert.Equal((Utc(1, 7, 0), Utc(1, 9, 0)), (result.Items[0].StartUtc, result.Items[0].EndUtc));
    }

    [Fact]
    public void IcsParse_UnknownZone_ReportsBadDate()
    {
        var result = ItineraryIcs.Parse(Ics(
            "BEGIN:VEVENT", "UID:a@x", "DTSTART;TZID=Mars/Olympus:20231101T150000", "SUMMARY:见面会", "END:VEVENT"), Shanghai);

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, ImportProblem.BadDate), (error.Line, error.Problem));
        Assert.Contains("Mars/Olympus", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void IcsParse_CategoriesAndAttendees_GiveTheKindAndTheNames()
    {
        var result = ItineraryIcs.Parse(Ics(
            "BEGIN:VEVENT", "UID:a@x", "DTSTART:20231102T220000Z", "SUMMARY:暗访危化品企业", "CATEGORIES:Work,暗访", "CATEGORIES:培训",
            "ATTENDEE;CN=李明:mailto:liming@example.com", "ATTENDEE;CN=\"Zhang, Wei\":mailto:zw@example.com", "ATTENDEE:mailto:wangfang@example.com", "END:VEVENT",
            "BEGIN:VEVENT", "UID:b@x", "DTSTART:20231102T220000Z", "SUMMARY:其他", "CATEGORIES:Work", "END:VEVENT"), Shanghai);

        Assert.True(result.Ok, Describe(result));
        Assert.Equal(EventKind.CovertVisit, result.Items[0].Kind);
        Assert.Equal(["李明", "Zhang, Wei", "wangfang"], result.Items[0].ParticipantNames);
        Assert.Equal(EventKind.Other, result.Items[1].Kind);
        Assert.Empty(result.Items[1].ParticipantNames);
    }

    [Fact]
    public void IcsParse_InspectionProperties_WinOverCategoriesAndAttendees()
    {
        var result = ItineraryIcs.Parse(Ics(
            "BEGIN:VEVENT", "UID:a@x", "DTSTART:20231102T010000Z", "SUMMARY:调阅资料", "CATEGORIES:培训", "ATTENDEE;CN=李明:mailto:liming@example.com",
            "X-INSPECTION-KIND:DocumentReview", "X-INSPECTION-PARTICIPANTS:全体、Wei Zhang、省应急厅陪同人员", "END:VEVENT"), Shanghai);

        var item = result.Items[0];
        Assert.Equal(EventKind.DocumentReview, item.Kind);
        Assert.True(item.WholeTeam);
        Assert.Equal(["Wei Zhang", "省应急厅陪同人员"], item.ParticipantNames);
    }

    [Fact]
    public void IcsParse_RecurringEvent_ReportsMalformedRowAndImportsNothingOfIt()
    {
        var result = ItineraryIcs.Parse(Ics(
            "BEGIN:VEVENT", "UID:a@x", "DTSTART:20231101T010000Z", "SUMMARY:见面会", "END:VEVENT",
            "BEGIN:VEVENT", "UID:b@x", "DTSTART:20231102T000000Z", "RRULE:FREQ=DAILY;COUNT=9", "SUMMARY:早餐会", "END:VEVENT"), Shanghai);

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, ImportProblem.MalformedRow), (error.Line, error.Problem));
        Assert.Contains("recurrence not supported", error.Detail, StringComparison.Ordinal);
        Assert.Equal("见面会", Assert.Single(result.Items).Title);
        Assert.False(result.Ok);
    }

    [Theory]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20231101T010000Z\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nthis line is broken\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n")]
    [InlineData("hello, this is not a calendar")]
    [InlineData("日期,开始,事项\r\n2023-11-01,09:00,见面会\r\n")]
    public void IcsParse_BrokenCalendarText_ReportsBadCalendarOnLineZero(string text)
    {
        var result = ItineraryIcs.Parse(Encoding.UTF8.GetBytes(text), Shanghai);

        var error = Assert.Single(result.Errors);
        Assert.Equal((0, ImportProblem.BadCalendar), (error.Line, error.Problem));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void IcsParse_CalendarWithoutEvents_ReportsNoEvents()
    {
        var result = ItineraryIcs.Parse(Ics("BEGIN:VTODO", "UID:a@x", "SUMMARY:准备材料", "END:VTODO"), Shanghai);

        Assert.Equal(new ImportError(0, ImportProblem.NoEvents, null), Assert.Single(result.Errors));
    }

    [Fact]
    public void IcsParse_EmptyFile_ReportsEmptyFile()
    {
        Assert.Equal(new ImportError(0, ImportProblem.EmptyFile, null), Assert.Single(ItineraryIcs.Parse([], Shanghai).Errors));
    }

    [Fact]
    public void IcsParse_BadEvents_ReportEachByItsIndex()
    {
        var result = ItineraryIcs.Parse(Ics(
            "BEGIN:VEVENT", "UID:1@x", "DTSTART:20231101T010000Z", "DTEND:20231101T000000Z", "SUMMARY:倒序", "END:VEVENT",
            "BEGIN:VEVENT", "UID:2@x", "DTSTART:20231101T010000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:3@x", "DTSTART:20231101T010000Z", "SUMMARY:座谈", "X-INSPECTION-KIND:Symposium", "END:VEVENT",
            "BEGIN:VEVENT", "UID:4@x", "SUMMARY:没有开始时间", "END:VEVENT",
            "BEGIN:VEVENT", "UID:5@x", "DTSTART:garbage", "SUMMARY:坏时间", "END:VEVENT",
            "BEGIN:VEVENT", "UID:6@x", "DTSTART:20231101T010000Z", "SUMMARY:" + new string('题', 201), "LOCATION:" + new string('地', 201), "DESCRIPTION:" + new string('注', 2001), "END:VEVENT",
            "BEGIN:VEVENT", "UID:7@x", "DTSTART:20231101T010000Z", "SUMMARY:好的", "END:VEVENT"), Shanghai);

        Assert.Equal(
            [
                new ImportError(1, ImportProblem.EndBeforeStart, "DTEND"),
                new ImportError(2, ImportProblem.MissingTitle, "SUMMARY"),
                new ImportError(3, ImportProblem.UnknownKind, "X-INSPECTION-KIND"),
                new ImportError(4, ImportProblem.BadDate, "DTSTART"),
                new ImportError(5, ImportProblem.BadDate, "DTSTART"),
                new ImportError(6, ImportProblem.TooLong, "SUMMARY"),
                new ImportError(6, ImportProblem.TooLong, "LOCATION"),
                new ImportError(6, ImportProblem.TooLong, "DESCRIPTION"),
            ],
            result.Errors);
        Assert.Equal(7, Assert.Single(result.Items).Line);
    }

    [Fact]
    public void IcsParse_TooManyEvents_ReportsTooManyRows()
    {
        var events = Enumerable.Range(0, 501).SelectMany(i => new[] { "BEGIN:VEVENT", $"UID:{i}@x", "DTSTART:20231101T010000Z", "SUMMARY:培训", "END:VEVENT" });

        var result = ItineraryIcs.Parse(Ics([.. events]), Shanghai);

        Assert.Equal(new ImportError(501, ImportProblem.TooManyRows, "500"), Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 4096)]
    [InlineData(3, 5 * 1024 * 1024)]
    public void IcsParse_RandomBytes_ReportsErrorsWithoutThrowing(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);

        var result = ItineraryIcs.Parse(bytes, Shanghai);

        Assert.NotEmpty(result.Errors);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void IcsParse_EventAtTheEndOfTime_ReportsItAndReadsTheNextEvent()
    {
        var result = ItineraryIcs.Parse(Ics(
            "BEGIN:VEVENT", "UID:a@x", "DTSTART:99991231T233000Z", "SUMMARY:溢出", "END:VEVENT",
            "BEGIN:VEVENT", "UID:b@x", "DTSTART:20231101T010000Z", "SUMMARY:见面会", "END:VEVENT"), Shanghai);

        Assert.Equal(1, Assert.Single(result.Errors).Line);
        Assert.Equal(2, Assert.Single(result.Items).Line);
    }

    [Fact]
    public void IcsParse_CalendarTextWithRandomLines_ReportsErrorsWithoutThrowing()
    {
        var random = new Random(7);
        const string alphabet = "BEGIN:VEVENTDTSTARTZ;=\r\n:0123456789TZID/,\\\"";
        for (var round = 0; round < 50; round++)
        {
            var noise = new string(Enumerable.Range(0, random.Next(1, 400)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\n" + noise + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

            var result = ItineraryIcs.Parse(Encoding.UTF8.GetBytes(text), Shanghai);

            Assert.True(result.Errors.Count > 0 || result.Items.Count > 0);
        }
    }

    // ---------- ICS: writing ----------

    [Fact]
    public void IcsWrite_ThenParse_GivesTheSameItemsAndTheCancelledStatus()
    {
        var items = HunanItems();
        items[16].Cancelled = true;

        var result = ItineraryIcs.Parse(ItineraryIcs.Write(items, Shanghai, Name, "第七组湖南行程"), Shanghai);

        Assert.True(result.Ok, Describe(result));
        AssertMatches(items, result.Items);
        Assert.Equal(items.Select(i => i.Cancelled), result.Items.Select(i => i.Cancelled));
        Assert.True(result.Items[16].Cancelled);
    }

    [Fact]
    public void IcsWrite_OutputIsLoadedByIcalNetWithEveryEventAndTheCalendarName()
    {
        var items = HunanItems();
        items[16].Cancelled = true;

        var text = Encoding.UTF8.GetString(ItineraryIcs.Write(items, Shanghai, Name, "第七组湖南行程"));
        var calendar = Calendar.Load(text)!;

        Assert.Equal(items.Count, calendar.Events.Count);
        Assert.Equal("第七组湖南行程", calendar.Properties.Get<string>("X-WR-CALNAME"));
        Assert.Equal("Asia/Shanghai", Assert.Single(calendar.TimeZones).TzId);
        var kickOff = calendar.Events.Single(e => e.Uid == "item-2@inspection-assistant");
        Assert.Equal("见面会暨湖南省安全生产工作汇报", kickOff.Summary);
        Assert.Equal(["见面会"], kickOff.Categories);
        Assert.Equal("Asia/Shanghai", kickOff.DtStart!.TzId);
        Assert.Equal(new DateTime(2023, 11, 1, 15, 0, 0), kickOff.DtStart.Value);
        Assert.Equal(Utc(1, 7, 0), kickOff.DtStart.AsUtc);
        Assert.Equal("KickOffMeeting", kickOff.Properties.Get<string>("X-INSPECTION-KIND"));
        Assert.Equal("全体", kickOff.Properties.Get<string>("X-INSPECTION-PARTICIPANTS"));
        Assert.Equal("CANCELLED", calendar.Events.Single(e => e.Uid == "item-17@inspection-assistant").Status);
        Assert.Equal(
            ["路途", "见面会", "调阅材料", "个别谈话", "暗访", "实地检查", "汇报会", "培训", "其他", "反馈会"],
            calendar.Events.Select(e => e.Categories.Single()).Distinct());
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public void IcsWrite_UtcTeamZone_WritesUtcTimesWithoutTimeZone()
    {
        var text = Encoding.UTF8.GetString(ItineraryIcs.Write(HunanItems(), TimeZoneInfo.Utc, Name, "第七组"));

        Assert.Contains("DTSTART:20231101T070000Z", text, StringComparison.Ordinal);
        Assert.DoesNotContain("VTIMEZONE", text, StringComparison.Ordinal);
        Assert.True(ItineraryIcs.Parse(Encoding.UTF8.GetBytes(text), Shanghai).Ok);
    }

    // ---------- helpers ----------

    private static string Name(long id) => Members[id];

    private static DateTime Utc(int day, int hour, int minute) => new(2023, 11, day, hour, minute, 0, DateTimeKind.Utc);

    private static byte[] Csv(string header, params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [header, .. rows]) + "\r\n");

    private static byte[] Ics(params string[] lines) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//test//ZH", .. lines, "END:VCALENDAR"]) + "\r\n");

    /// <summary>Splits one of the sample rows (quotes only around whole cells, no doubled quotes).</summary>
    private static string[] SplitRow(string row)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        foreach (var c in row)
        {
            if (c == '"')
            {
                quoted = !quoted;
                cell.Append(c);
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }

    private static ScheduleItem Item(int id, EventKind kind, string title, int day, int startHour, int endHour, int startMinute = 0, int endMinute = 0) => new()
    {
        Id = id,
        TeamId = 7,
        Kind = kind,
        Title = title,
        StartUtc = new DateTime(2023, 11, day, startHour, startMinute, 0, DateTimeKind.Utc).AddHours(-8),
        EndUtc = new DateTime(2023, 11, day, endHour, endMinute, 0, DateTimeKind.Utc).AddHours(-8),
        Revision = 2,
        CreatedUtc = new DateTime(2023, 10, 20, 2, 0, 0, DateTimeKind.Utc),
        UpdatedUtc = new DateTime(2023, 10, 25, 3, 0, 0, DateTimeKind.Utc),
    };

    /// <summary>The Hunan itinerary as stored items (team-local hours), with members, others, notes and the whole team.</summary>
    private static List<ScheduleItem> HunanItems()
    {
        List<ScheduleItem> items =
        [
            Item(1, EventKind.Travel, "乘高铁赴长沙", 1, 8, 10, endMinute: 30),
            Item(2, EventKind.KickOffMeeting, "见面会暨湖南省安全生产工作汇报", 1, 15, 17),
            Item(3, EventKind.DocumentReview, "调阅省应急管理厅安全生产考核资料", 2, 9, 12),
            Item(4, EventKind.Interview, "与省安委会成员单位负责同志个别谈话", 2, 14, 17, 30, 30),
            Item(5, EventKind.CovertVisit, "暗访长沙经开区危化品企业", 3, 6, 8, endMinute: 30),
            Item(6, EventKind.SiteInspection, "检查长沙地铁6号线在建工地", 3, 9, 12, 30),
            Item(7, EventKind.Travel, "赴湘潭市", 4, 8, 9, 30, 30),
            Item(8, EventKind.Briefing, "听取湘潭市安全生产工作汇报", 4, 10, 12),
            Item(9, EventKind.SiteInspection, "检查湘潭钢铁集团", 4, 14, 17, 30, 30),
            Item(10, EventKind.DocumentReview, "调阅湘潭市执法检查案卷", 5, 9, 11, endMinute: 30),
            Item(11, EventKind.Travel, "赴株洲市", 6, 8, 9),
            Item(12, EventKind.Briefing, "听取株洲市安全生产工作汇报", 6, 9, 11, 30, 30),
            Item(13, EventKind.SiteInspection, "检查株洲烟花爆竹生产企业", 6, 14, 17),
            Item(14, EventKind.CovertVisit, "暗访醴陵市烟花爆竹仓储点", 7, 5, 8, 30),
            Item(15, EventKind.Training, "安全生产专题培训（专家授课）", 7, 14, 17, 30, 30),
            Item(16, EventKind.Interview, "与株洲市有关负责同志谈话", 8, 9, 12),
            Item(17, EventKind.Travel, "返回长沙", 8, 15, 17),
            Item(18, EventKind.Other, "汇总检查情况、起草反馈意见", 9, 9, 17, endMinute: 30),
            Item(19, EventKind.FeedbackMeeting, "向湖南省反馈考核巡查情况", 10, 9, 11),
            Item(20, EventKind.Travel, "返京", 10, 14, 15),
        ];

        foreach (var i in items.Where(i => i.Kind is EventKind.Travel or EventKind.KickOffMeeting or EventKind.Briefing or EventKind.FeedbackMeeting or EventKind.Other))
        {
            i.WholeTeam = true;
        }

        items[0].Place = "北京西站—长沙南站";
        items[0].Notes = "G79次";
        items[1].Place = "长沙市 湖南省人民政府第一会议室";
        items[1].Notes = "省政府主要负责同志主持；组长讲话；省政府汇报";
        items[2].Participants = [702, 703];
        items[2].Notes = "需提前准备2021—2023年度考核档案\n含整改台账, \"三管三必须\"落实情况";
        items[3].Participants = [704, 701];
        items[3].Place = "湘江宾馆 2号楼 201";
        items[4].Participants = [701, 702];
        items[4].Place = "长沙经开区";
        items[5].Participants = [701, 702, 703, 705];
        items[8].Participants = [702, 703];
        items[8].OtherParticipants = ["省应急厅陪同人员"];
        items[8].Place = "湘潭市 岳塘区";
        items[12].Participants = [701, 702];
        items[12].Place = "株洲市 醴陵市";
        items[13].Participants = [701, 704];
        items[14].Participants = [702];
        items[14].Notes = "面向市县两级应急管理干部";
        items[15].Participants = [704, 701];
        items[17].OtherParticipants = ["省应急厅联络员"];
        items[18].Place = "湖南省人民政府第一会议室";
        return items;
    }

    /// <summary>Each imported item is the written item: same kind, text, times, whole team and names, in order.</summary>
    private static void AssertMatches(List<ScheduleItem> written, IReadOnlyList<ImportedItem> read)
    {
        Assert.Equal(written.Count, read.Count);
        for (var i = 0; i < written.Count; i++)
        {
            var w = written[i];
            var r = read[i];
            var names = (w.WholeTeam ? Enumerable.Empty<string>() : w.Participants.Select(Name)).Concat(w.OtherParticipants);
            Assert.Equal(
                (w.Kind, w.Title, w.Place, w.StartUtc, w.EndUtc, w.WholeTeam, string.Join("|", names), w.Notes),
                (r.Kind, r.Title, r.Place, r.StartUtc, r.EndUtc, r.WholeTeam, string.Join("|", r.ParticipantNames), r.Notes));
        }
    }

    private static void AssertSameItems(IReadOnlyList<ImportedItem> expected, IReadOnlyList<ImportedItem> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            Assert.Equal(
                (e.Line, e.Kind, e.Title, e.Place, e.StartUtc, e.EndUtc, e.WholeTeam, string.Join("|", e.ParticipantNames), e.Notes),
                (a.Line, a.Kind, a.Title, a.Place, a.StartUtc, a.EndUtc, a.WholeTeam, string.Join("|", a.ParticipantNames), a.Notes));
        }
    }

    private static string Describe(ImportResult result) =>
        string.Join("; ", result.Errors.Select(e => $"{e.Line}:{e.Problem}:{e.Detail}"));
}
