using System.Globalization;
using Assistant.Core.Common;

namespace Assistant.Tests.Common;

public class DateTimeInputTests
{
    // Thursday 2023-11-02.
    private const string Thu = "2023-11-02";

    [Theory]
    [InlineData("11-03 14:30", "2023-11-03", "14:30")]
    [InlineData("明天 8:30", "2023-11-03", "08:30")]
    [InlineData("明天上午9点", "2023-11-03", "09:00")]
    [InlineData("明天 上午9点", "2023-11-03", "09:00")]
    [InlineData("2023-11-03 下午2点半", "2023-11-03", "14:30")]
    [InlineData("2023-11-03下午2点半", "2023-11-03", "14:30")]
    [InlineData("tomorrow 9am", "2023-11-03", "09:00")]
    [InlineData("tomorrow at 9am", "2023-11-03", "09:00")]
    [InlineData("next monday 14:00", "2023-11-06", "14:00")]
    [InlineData("下周一上午10点", "2023-11-06", "10:00")]
    [InlineData("周五下午三点", "2023-11-03", "15:00")]
    [InlineData("后天晚上7点半", "2023-11-04", "19:30")]
    [InlineData("11月5日 8点", "2023-11-05", "08:00")]
    [InlineData("11月5日8点", "2023-11-05", "08:00")]
    [InlineData("下个月5号9点", "2023-12-05", "09:00")]
    [InlineData("Nov 30, 2023 2:30pm", "2023-11-30", "14:30")]
    [InlineData("Nov 30, 9am", "2023-11-30", "09:00")]
    [InlineData("+7 9:00", "2023-11-09", "09:00")]
    [InlineData("３天后 ８：３０", "2023-11-05", "08:30")]
    [InlineData("明天中午", "2023-11-03", "12:00")]
    [InlineData("周一十点", "2023-11-06", "10:00")]
    [InlineData("下周一 9点", "2023-11-06", "09:00")]
    [InlineData("下周一9点", "2023-11-06", "09:00")]
    [InlineData("today noon", "2023-11-02", "12:00")]
    public void Parse_DateThenTime_ReturnsBoth(string input, string expectedDate, string expectedTime)
    {
        var result = DateTimeInput.Parse(input, Day(Thu));

        Assert.Equal(
            new DateTimeInputResult(Day(expectedDate), Time(expectedTime), DateInputError.None, TimeInputError.None),
            result);
        Assert.True(result.Ok);
    }

    [Fact]
    public void Parse_ImpossibleTime_ReportsOnlyTheTime()
    {
        var result = DateTimeInput.Parse("明天 25:00", Day(Thu));

        Assert.Equal(new DateTimeInputResult(Day("2023-11-03"), default, DateInputError.None, TimeInputError.Impossible), result);
        Assert.False(result.Ok);
    }

    [Fact]
    public void Parse_ImpossibleDate_ReportsOnlyTheDate() =>
        Assert.Equal(
            new DateTimeInputResult(default, Time("08:00"), DateInputError.Impossible, TimeInputError.None),
            DateTimeInput.Parse("2月30日 8:00", Day(Thu)));

    [Fact]
    public void Parse_AmbiguousDate_ReportsAmbiguous() =>
        Assert.Equal(
            new DateTimeInputResult(default, Time("08:00"), DateInputError.Ambiguous, TimeInputError.None),
            DateTimeInput.Parse("5/11 8:00", Day(Thu)));

    [Fact]
    public void Parse_DateOnly_ReportsEmptyTime() =>
        Assert.Equal(
            new DateTimeInputResult(Day("2023-11-03"), default, DateInputError.None, TimeInputError.Empty),
            DateTimeInput.Parse("明天", Day(Thu)));

    [Fact]
    public void Parse_TimeOnly_ReportsEmptyDate() =>
        Assert.Equal(
            new DateTimeInputResult(default, Time("08:30"), DateInputError.Empty, TimeInputError.None),
            DateTimeInput.Parse("8:30", Day(Thu)));

    [Fact]
    public void Parse_GarbageTime_ReportsUnrecognizedTime() =>
        Assert.Equal(
            new DateTimeInputResult(Day("2023-11-03"), default, DateInputError.None, TimeInputError.Unrecognized),
            DateTimeInput.Parse("明天 abc", Day(Thu)));

    [Fact]
    public void Parse_GarbageDate_ReportsUnrecognizedDate() =>
        Assert.Equal(
            new DateTimeInputResult(default, Time("08:00"), DateInputError.Unrecognized, TimeInputError.None),
            DateTimeInput.Parse("abc 8:00", Day(Thu)));

    [Fact]
    public void Parse_PastDateWhenPastNotAllowed_ReportsInPastWithDate() =>
        Assert.Equal(
            new DateTimeInputResult(Day("2023-11-01"), Time("08:00"), DateInputError.InPast, TimeInputError.None),
            DateTimeInput.Parse("昨天 8:00", Day(Thu), new DateInputOptions(DateQuestion.Deadline)));

    [Fact]
    public void Parse_VisitOption_IsPassedToTheDate() =>
        Assert.Equal(
            new DateTimeInputResult(Day("2023-11-01"), Time("08:00"), DateInputError.None, TimeInputError.None),
            DateTimeInput.Parse("11-01 8:00", Day("2026-12-04"), new DateInputOptions(DateQuestion.Plan, Day("2023-11-01"), Day("2023-11-10"))));

    [Theory]
    [InlineData("abc")]
    [InlineData("😀 <b>")]
    [InlineData("\u0000\u0001")]
    public void Parse_Garbage_ReportsBothUnrecognized(string input) =>
        Assert.Equal(
            new DateTimeInputResult(default, default, DateInputError.Unrecognized, TimeInputError.Unrecognized),
            DateTimeInput.Parse(input, Day(Thu)));

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Parse_NullOrWhitespace_ReportsBothEmpty(string? input) =>
        Assert.Equal(
            new DateTimeInputResult(default, default, DateInputError.Empty, TimeInputError.Empty),
            DateTimeInput.Parse(input, Day(Thu)));

    [Fact]
    public void Parse_TenThousandCharacters_ReportsBothUnrecognized() =>
        Assert.Equal(
            new DateTimeInputResult(default, default, DateInputError.Unrecognized, TimeInputError.Unrecognized),
            DateTimeInput.Parse("明天 " + new string('8', 10_000), Day(Thu)));

    [Fact]
    public void Parse_RandomTokenSoup_NeverThrows()
    {
        string[] tokens =
        [
            "1", "12", "31", "2023", "99999", "-", "/", ".", ":", "：", "+", ",", " ", "年", "月", "日", "号", "周", "星期",
            "下", "本", "个", "天", "后", "点", "半", "分", "刻", "十", "两", "一", "〇", "上午", "下午", "晚上", "明天",
            "am", "pm", "next", "this", "monday", "nov", "in", "days", "end of month", "😀", "\u0000", "\ud800", "<b>", "\u3000",
        ];
        var random = new Random(20231102);
        DateOnly[] todays = [Day(Thu), DateOnly.MinValue, DateOnly.MaxValue, new(9999, 12, 1)];
        DateInputOptions[] options = [new(), new(DateQuestion.Deadline, Day(Thu), Day(Thu).AddDays(9)), new(DateQuestion.LookUp)];

        for (var i = 0; i < 3_000; i++)
        {
            var input = string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => tokens[random.Next(tokens.Length)]));
            var today = todays[i % todays.Length];
            var option = options[i % options.Length];

            var dateTime = DateTimeInput.Parse(input, today, option);
            var date = DateInput.Parse(input, today, option);
            var time = TimeInput.Parse(input);

            Assert.True(Enum.IsDefined(dateTime.DateError) && Enum.IsDefined(dateTime.TimeError), input);
            Assert.True(Enum.IsDefined(date.Error) && Enum.IsDefined(time.Error), input);
        }
    }

    [Theory]
    [InlineData("next monday")]
    [InlineData("下个月5号")]
    [InlineData("下个月底")]
    [InlineData("1-1")]
    [InlineData("+9999")]
    [InlineData("2个月后")]
    public void Parse_PastTheLastRepresentableDay_ReportsImpossible(string input) =>
        Assert.Equal(DateInputError.Impossible, DateTimeInput.Parse(input, new DateOnly(9999, 12, 31)).DateError);

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeOnly Time(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);
}
