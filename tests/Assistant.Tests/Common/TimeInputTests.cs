using System.Globalization;
using Assistant.Core.Common;

namespace Assistant.Tests.Common;

public class TimeInputTests
{
    [Theory]
    [InlineData("8:30", "08:30")]
    [InlineData("08:30", "08:30")]
    [InlineData("8：30", "08:30")]
    [InlineData("８：３０", "08:30")]
    [InlineData(" 8:30 ", "08:30")]
    [InlineData("14:30", "14:30")]
    [InlineData("0:00", "00:00")]
    [InlineData("00:00", "00:00")]
    [InlineData("23:59", "23:59")]
    public void Parse_TwentyFourHourClock_ReturnsTime(string input, string expected) =>
        AssertTime(input, expected);

    [Theory]
    [InlineData("8点", "08:00")]
    [InlineData("8点半", "08:30")]
    [InlineData("8点30", "08:30")]
    [InlineData("8点30分", "08:30")]
    [InlineData("8点05", "08:05")]
    [InlineData("8点5分", "08:05")]
    [InlineData("8时30分", "08:30")]
    [InlineData("8点钟", "08:00")]
    [InlineData("8点整", "08:00")]
    [InlineData("8点一刻", "08:15")]
    [InlineData("8点三刻", "08:45")]
    [InlineData("14点", "14:00")]
    [InlineData("八点", "08:00")]
    [InlineData("八点半", "08:30")]
    [InlineData("八点零五", "08:05")]
    [InlineData("两点", "02:00")]
    [InlineData("十点", "10:00")]
    [InlineData("十二点", "12:00")]
    [InlineData("二十三点", "23:00")]
    [InlineData("０点", "00:00")]
    public void Parse_ChineseHour_ReturnsTime(string input, string expected) =>
        AssertTime(input, expected);

    [Theory]
    [InlineData("上午9点", "09:00")]
    [InlineData("下午2点", "14:00")]
    [InlineData("下午2点半", "14:30")]
    [InlineData("下午两点半", "14:30")]
    [InlineData("晚上7点半", "19:30")]
    [InlineData("晚上十点", "22:00")]
    [InlineData("中午12点", "12:00")]
    [InlineData("中午1点", "13:00")]
    [InlineData("中午11点半", "11:30")]
    [InlineData("凌晨5点", "05:00")]
    [InlineData("凌晨12点", "00:00")]
    [InlineData("早上6点", "06:00")]
    [InlineData("早8点", "08:00")]
    [InlineData("傍晚6点", "18:00")]
    [InlineData("下午12点", "12:00")]
    [InlineData("晚上12点", "00:00")]
    [InlineData("下午2:30", "14:30")]
    [InlineData("上午 9 点", "09:00")]
    public void Parse_ChinesePeriodOfDay_ConvertsToTwentyFourHours(string input, string expected) =>
        AssertTime(input, expected);

    [Theory]
    [InlineData("9am", "09:00")]
    [InlineData("9 am", "09:00")]
    [InlineData("9AM", "09:00")]
    [InlineData("9 a.m.", "09:00")]
    [InlineData("9:30 am", "09:30")]
    [InlineData("2:30pm", "14:30")]
    [InlineData("2:30 PM", "14:30")]
    [InlineData("11pm", "23:00")]
    [InlineData("12am", "00:00")]
    [InlineData("12:30am", "00:30")]
    [InlineData("12pm", "12:00")]
    [InlineData("noon", "12:00")]
    [InlineData("Noon", "12:00")]
    [InlineData("midnight", "00:00")]
    [InlineData("中午", "12:00")]
    public void Parse_EnglishTime_ReturnsTime(string input, string expected) =>
        AssertTime(input, expected);

    [Theory]
    [InlineData("25:00")]
    [InlineData("24:00")]
    [InlineData("8:61")]
    [InlineData("99:99")]
    [InlineData("下午13点")]
    [InlineData("下午0点")]
    [InlineData("上午13点")]
    [InlineData("8点61分")]
    [InlineData("8点4刻")]
    [InlineData("13pm")]
    [InlineData("0am")]
    [InlineData("9:60am")]
    public void Parse_NoSuchTime_ReturnsImpossible(string input) =>
        AssertError(input, TimeInputError.Impossible);

    [Theory]
    [InlineData("0830")]
    [InlineData("1430")]
    [InlineData("8")]
    [InlineData("8:5")]
    [InlineData("8.30")]
    [InlineData("8:30:00")]
    [InlineData("123:00")]
    [InlineData("abc")]
    [InlineData("下午")]
    [InlineData("明天")]
    [InlineData("<b>8:30</b>")]
    [InlineData("😀")]
    [InlineData("\u0000")]
    [InlineData("八点五")]
    [InlineData("8am pm")]
    public void Parse_Garbage_ReturnsUnrecognized(string input) =>
        AssertError(input, TimeInputError.Unrecognized);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \t ")]
    public void Parse_NullOrWhitespace_ReturnsEmpty(string? input) =>
        AssertError(input, TimeInputError.Empty);

    [Fact]
    public void Parse_TenThousandCharacters_ReturnsUnrecognized() =>
        AssertError(new string('9', 10_000), TimeInputError.Unrecognized);

    private static void AssertTime(string input, string expected)
    {
        var result = TimeInput.Parse(input);

        Assert.Equal(new TimeInputResult(Time(expected), TimeInputError.None), result);
        Assert.True(result.Ok);
    }

    private static void AssertError(string? input, TimeInputError expected)
    {
        var result = TimeInput.Parse(input);

        Assert.Equal(expected, result.Error);
        Assert.False(result.Ok);
    }

    private static TimeOnly Time(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);
}
