using System.Globalization;
using Assistant.Core.Common;

namespace Assistant.Tests.Common;

public class DateInputTests
{
    // Thursday in the ISO week Mon 2023-10-30 … Sun 2023-11-05.
    private const string Thu = "2023-11-02";

    // Sunday, last day of the ISO week Mon 2023-12-25 … Sun 2023-12-31, and of the year.
    private const string Sun = "2023-12-31";

    private static readonly DateInputOptions LookBack = new(DateQuestion.LookBack);
    private static readonly DateInputOptions NoPast = new(DateQuestion.Deadline);

    [Theory]
    [InlineData("2023-11-30", "2023-11-30")]
    [InlineData("2023/11/30", "2023-11-30")]
    [InlineData("2023.11.30", "2023-11-30")]
    [InlineData("2023年11月30日", "2023-11-30")]
    [InlineData("2023年11月30号", "2023-11-30")]
    [InlineData("2023年11月30", "2023-11-30")]
    [InlineData("2023 年 11 月 30 日", "2023-11-30")]
    [InlineData("２０２３－１１－３０", "2023-11-30")]
    [InlineData("２０２３年１１月３０日", "2023-11-30")]
    [InlineData("二〇二三年十一月三十日", "2023-11-30")]
    [InlineData("  2023-11-30\t", "2023-11-30")]
    [InlineData("2023-1-5", "2023-01-05")]
    [InlineData("2024-02-29", "2024-02-29")]
    [InlineData("2022-01-01", "2022-01-01")]
    [InlineData("30/11/2023", "2023-11-30")]
    [InlineData("11/30/2023", "2023-11-30")]
    public void Parse_DateWithYear_ReturnsThatDate(string input, string expected) =>
        AssertDate(input, Thu, expected);

    [Theory]
    [InlineData("11-30", Thu, "2023-11-30")]
    [InlineData("11月30日", Thu, "2023-11-30")]
    [InlineData("11月30号", Thu, "2023-11-30")]
    [InlineData("11月30", Thu, "2023-11-30")]
    [InlineData("１１月３０日", Thu, "2023-11-30")]
    [InlineData("十一月三十日", Thu, "2023-11-30")]
    [InlineData("11.30", Thu, "2023-11-30")]
    [InlineData("30/11", Thu, "2023-11-30")]
    [InlineData("11/30", Thu, "2023-11-30")]
    [InlineData("5/5", Thu, "2024-05-05")]
    [InlineData("11-02", Thu, "2023-11-02")]
    [InlineData("11-01", Thu, "2024-11-01")]
    [InlineData("1-15", Thu, "2024-01-15")]
    [InlineData("2月29日", Thu, "2024-02-29")]
    [InlineData("1-1", Sun, "2024-01-01")]
    [InlineData("12-31", Sun, "2023-12-31")]
    [InlineData("12-30", Sun, "2024-12-30")]
    public void Parse_YearlessDateNextOccurrence_ReturnsTodayOrLater(string input, string today, string expected) =>
        AssertDate(input, today, expected);

    [Theory]
    [InlineData("11-01", "2023-11-01")]
    [InlineData("11-02", "2023-11-02")]
    [InlineData("1-15", "2023-01-15")]
    [InlineData("12月31日", "2022-12-31")]
    [InlineData("Jan 15", "2023-01-15")]
    [InlineData("30/11", "2022-11-30")]
    public void Parse_YearlessDateLookingBack_ReturnsTheLatestUpToToday(string input, string expected) =>
        AssertDate(input, Thu, expected, LookBack);

    [Theory]
    [InlineData("30 Nov", "2023-11-30")]
    [InlineData("Nov 30", "2023-11-30")]
    [InlineData("November 30", "2023-11-30")]
    [InlineData("NOV 30", "2023-11-30")]
    [InlineData("nov. 30", "2023-11-30")]
    [InlineData("30th November", "2023-11-30")]
    [InlineData("30 November 2023", "2023-11-30")]
    [InlineData("Nov 30, 2023", "2023-11-30")]
    [InlineData("Nov 30 2024", "2024-11-30")]
    [InlineData("1 Jan", "2024-01-01")]
    [InlineData("Sept 3rd", "2024-09-03")]
    public void Parse_EnglishMonthName_ReturnsDate(string input, string expected) =>
        AssertDate(input, Thu, expected);

    [Theory]
    [InlineData("今天", Thu, "2023-11-02")]
    [InlineData("明天", Thu, "2023-11-03")]
    [InlineData("后天", Thu, "2023-11-04")]
    [InlineData("大后天", Thu, "2023-11-05")]
    [InlineData("昨天", Thu, "2023-11-01")]
    [InlineData("前天", Thu, "2023-10-31")]
    [InlineData("明天", Sun, "2024-01-01")]
    [InlineData("3天后", Thu, "2023-11-05")]
    [InlineData("三天后", Thu, "2023-11-05")]
    [InlineData("十天后", Thu, "2023-11-12")]
    [InlineData("15天后", Thu, "2023-11-17")]
    [InlineData("十五天后", Thu, "2023-11-17")]
    [InlineData("二十天后", Thu, "2023-11-22")]
    [InlineData("3日后", Thu, "2023-11-05")]
    [InlineData("3天以后", Thu, "2023-11-05")]
    [InlineData("3 天后", Thu, "2023-11-05")]
    [InlineData("一周后", Thu, "2023-11-09")]
    [InlineData("两周后", Thu, "2023-11-16")]
    [InlineData("2周后", Thu, "2023-11-16")]
    [InlineData("两个星期后", Thu, "2023-11-16")]
    [InlineData("一个月后", Thu, "2023-12-02")]
    [InlineData("3天后", Sun, "2024-01-03")]
    [InlineData("一周后", Sun, "2024-01-07")]
    public void Parse_ChineseRelativeDay_ReturnsOffsetFromToday(string input, string today, string expected) =>
        AssertDate(input, today, expected);

    [Theory]
    [InlineData("下周一", Thu, "2023-11-06")]
    [InlineData("下周二", Thu, "2023-11-07")]
    [InlineData("下周三", Thu, "2023-11-08")]
    [InlineData("下周四", Thu, "2023-11-09")]
    [InlineData("下周五", Thu, "2023-11-10")]
    [InlineData("下周六", Thu, "2023-11-11")]
    [InlineData("下周日", Thu, "2023-11-12")]
    [InlineData("下周天", Thu, "2023-11-12")]
    [InlineData("下星期三", Thu, "2023-11-08")]
    [InlineData("下礼拜五", Thu, "2023-11-10")]
    [InlineData("下个星期一", Thu, "2023-11-06")]
    [InlineData("下周 五", Thu, "2023-11-10")]
    [InlineData("本周五", Thu, "2023-11-03")]
    [InlineData("这周五", Thu, "2023-11-03")]
    [InlineData("本周一", Thu, "2023-10-30")]
    [InlineData("这周日", Thu, "2023-11-05")]
    [InlineData("这个星期二", Thu, "2023-10-31")]
    [InlineData("上周五", Thu, "2023-10-27")]
    [InlineData("周五", Thu, "2023-11-03")]
    [InlineData("星期五", Thu, "2023-11-03")]
    [InlineData("礼拜五", Thu, "2023-11-03")]
    [InlineData("周四", Thu, "2023-11-02")]
    [InlineData("周三", Thu, "2023-11-08")]
    [InlineData("星期天", Thu, "2023-11-05")]
    [InlineData("下周一", Sun, "2024-01-01")]
    [InlineData("下周日", Sun, "2024-01-07")]
    [InlineData("本周一", Sun, "2023-12-25")]
    [InlineData("这周五", Sun, "2023-12-29")]
    [InlineData("周一", Sun, "2024-01-01")]
    [InlineData("周日", Sun, "2023-12-31")]
    public void Parse_ChineseWeekday_ResolvesIsoWeek(string input, string today, string expected) =>
        AssertDate(input, today, expected);

    [Theory]
    [InlineData("下个月5号", Thu, "2023-12-05")]
    [InlineData("下月5日", Thu, "2023-12-05")]
    [InlineData("下个月五号", Thu, "2023-12-05")]
    [InlineData("下个月31号", Thu, "2023-12-31")]
    [InlineData("本月20号", Thu, "2023-11-20")]
    [InlineData("下个月5号", Sun, "2024-01-05")]
    [InlineData("月底", Thu, "2023-11-30")]
    [InlineData("下个月底", Thu, "2023-12-31")]
    [InlineData("月底", Sun, "2023-12-31")]
    [InlineData("月底", "2024-02-10", "2024-02-29")]
    public void Parse_ChineseMonthRelative_ReturnsDayOfThatMonth(string input, string today, string expected) =>
        AssertDate(input, today, expected);

    [Theory]
    [InlineData("today", Thu, "2023-11-02")]
    [InlineData("TODAY", Thu, "2023-11-02")]
    [InlineData("Tomorrow", Thu, "2023-11-03")]
    [InlineData("tmr", Thu, "2023-11-03")]
    [InlineData("day after tomorrow", Thu, "2023-11-04")]
    [InlineData("yesterday", Thu, "2023-11-01")]
    [InlineData("in 3 days", Thu, "2023-11-05")]
    [InlineData("in 2 weeks", Thu, "2023-11-16")]
    [InlineData("3 days", Thu, "2023-11-05")]
    [InlineData("1 day", Thu, "2023-11-03")]
    [InlineData("in  2   days", Thu, "2023-11-04")]
    [InlineData("next monday", Thu, "2023-11-06")]
    [InlineData("Next Sunday", Thu, "2023-11-12")]
    [InlineData("monday", Thu, "2023-11-06")]
    [InlineData("mon", Thu, "2023-11-06")]
    [InlineData("thu", Thu, "2023-11-02")]
    [InlineData("wed", Thu, "2023-11-08")]
    [InlineData("this friday", Thu, "2023-11-03")]
    [InlineData("this monday", Thu, "2023-10-30")]
    [InlineData("end of month", Thu, "2023-11-30")]
    [InlineData("end of next month", Thu, "2023-12-31")]
    [InlineData("next monday", Sun, "2024-01-01")]
    [InlineData("monday", Sun, "2024-01-01")]
    [InlineData("this monday", Sun, "2023-12-25")]
    [InlineData("sunday", Sun, "2023-12-31")]
    [InlineData("in 2 days", Sun, "2024-01-02")]
    [InlineData("end of month", Sun, "2023-12-31")]
    public void Parse_EnglishRelative_ReturnsOffsetFromToday(string input, string today, string expected) =>
        AssertDate(input, today, expected);

    [Theory]
    [InlineData("+7", "2023-11-09")]
    [InlineData("+ 7", "2023-11-09")]
    [InlineData("+7d", "2023-11-09")]
    [InlineData("+2w", "2023-11-16")]
    [InlineData("+0", "2023-11-02")]
    [InlineData("+30", "2023-12-02")]
    [InlineData("+7天", "2023-11-09")]
    [InlineData("＋７", "2023-11-09")]
    public void Parse_PlusOffset_AddsDaysOrWeeks(string input, string expected) =>
        AssertDate(input, Thu, expected);

    [Theory]
    [InlineData("2月30日")]
    [InlineData("2023-02-29")]
    [InlineData("13月1日")]
    [InlineData("11-31")]
    [InlineData("0-5")]
    [InlineData("11/31")]
    [InlineData("31/2")]
    [InlineData("13/13")]
    [InlineData("2023年13月1日")]
    [InlineData("Feb 30")]
    [InlineData("本月31号")]
    [InlineData("0000-01-01")]
    public void Parse_NoSuchCalendarDay_ReturnsImpossible(string input) =>
        AssertError(input, Thu, DateInputError.Impossible);

    [Fact]
    public void Parse_FebruaryTwentyNinthLookingBack_ReturnsTheLastLeapDay() =>
        AssertDate("2月29日", Thu, "2020-02-29", LookBack);

    [Fact]
    public void Parse_DayAbsentFromNextMonth_ReturnsImpossible() =>
        AssertError("下个月30号", "2024-01-15", DateInputError.Impossible);

    [Theory]
    [InlineData("5/11")]
    [InlineData("1/2")]
    [InlineData("12/1")]
    [InlineData("5/11/2023")]
    public void Parse_SlashBothNumbersUpToTwelve_ReturnsAmbiguous(string input) =>
        AssertError(input, Thu, DateInputError.Ambiguous);

    [Theory]
    [InlineData("昨天", "2023-11-01")]
    [InlineData("yesterday", "2023-11-01")]
    [InlineData("本周一", "2023-10-30")]
    [InlineData("2023-01-01", "2023-01-01")]
    [InlineData("上周五", "2023-10-27")]
    public void Parse_PastDateWhenPastNotAllowed_ReturnsInPastWithDate(string input, string expected)
    {
        var result = DateInput.Parse(input, Day(Thu), NoPast);

        Assert.Equal(new DateInputResult(Day(expected), DateInputError.InPast), result);
        Assert.False(result.Ok);
    }

    [Theory]
    [InlineData("今天", "2023-11-02")]
    [InlineData("11-01", "2024-11-01")]
    [InlineData("下周一", "2023-11-06")]
    public void Parse_TodayOrLaterWhenPastNotAllowed_ReturnsDate(string input, string expected) =>
        AssertDate(input, Thu, expected, NoPast);

    [Fact]
    public void Parse_DeadlineOnAPastDayOfTheVisit_TakesItsNextOccurrence() =>
        AssertDate("11-01", Thu, "2024-11-01", new DateInputOptions(DateQuestion.Deadline, Day("2023-11-01"), Day("2023-11-10")));

    [Theory]
    [InlineData("abc")]
    [InlineData("明年某天")]
    [InlineData("99999")]
    [InlineData("2023")]
    [InlineData("11")]
    [InlineData("2023-11")]
    [InlineData("2023-11/30")]
    [InlineData("<b>11-30</b>")]
    [InlineData("<b>")]
    [InlineData("😀")]
    [InlineData("11-30😀")]
    [InlineData("\u0000\u0001\u001b")]
    [InlineData("\u200b")]
    [InlineData("next")]
    [InlineData("下周")]
    [InlineData("周八")]
    [InlineData("3月后")]
    [InlineData("+99999")]
    [InlineData("-7")]
    [InlineData("٢٠٢٣-١١-٣٠")]
    [InlineData("0830")]
    [InlineData("monday tuesday")]
    [InlineData("十十天后")]
    public void Parse_Garbage_ReturnsUnrecognized(string input) =>
        AssertError(input, Thu, DateInputError.Unrecognized);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("\u3000")]
    public void Parse_NullOrWhitespace_ReturnsEmpty(string? input) =>
        AssertError(input, Thu, DateInputError.Empty);

    [Theory]
    [InlineData('1')]
    [InlineData('明')]
    [InlineData(' ')]
    [InlineData('a')]
    public void Parse_TenThousandCharacters_ReturnsWithoutThrowing(char filler)
    {
        var input = new string(filler, 10_000);

        var result = DateInput.Parse(input, Day(Thu));

        Assert.Equal(filler == ' ' ? DateInputError.Empty : DateInputError.Unrecognized, result.Error);
    }

    [Fact]
    public void Parse_TomorrowOnLastRepresentableDay_ReturnsImpossible() =>
        Assert.Equal(DateInputError.Impossible, DateInput.Parse("明天", DateOnly.MaxValue).Error);

    [Fact]
    public void Parse_YesterdayOnFirstRepresentableDay_ReturnsImpossible() =>
        Assert.Equal(DateInputError.Impossible, DateInput.Parse("yesterday", DateOnly.MinValue).Error);

    [Fact]
    public void Parse_NullOptions_UsesNextOccurrenceAndAllowsPast()
    {
        Assert.Equal(Day("2024-11-01"), DateInput.Parse("11-01", Day(Thu), null).Date);
        Assert.True(DateInput.Parse("昨天", Day(Thu), null).Ok);
    }

    [Fact]
    public void QuickOffsets_Always_AreTodayThreeSevenFifteenThirty() =>
        Assert.Equal([0, 3, 7, 15, 30], DateInput.QuickOffsets);

    [Fact]
    public void QuickOffsets_CastToCollection_IsReadOnly() =>
        Assert.True(((ICollection<int>)DateInput.QuickOffsets).IsReadOnly);

    private static void AssertDate(string input, string today, string expected, DateInputOptions? options = null)
    {
        var result = DateInput.Parse(input, Day(today), options);

        Assert.Equal(new DateInputResult(Day(expected), DateInputError.None), result);
        Assert.True(result.Ok);
    }

    private static void AssertError(string? input, string today, DateInputError expected, DateInputOptions? options = null)
    {
        var result = DateInput.Parse(input, Day(today), options);

        Assert.Equal(expected, result.Error);
        Assert.False(result.Ok);
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
