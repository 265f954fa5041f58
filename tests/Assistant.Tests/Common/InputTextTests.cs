using Assistant.Core.Common;

namespace Assistant.Tests.Common;

public class InputTextTests
{
    [Theory]
    [InlineData("２０２３－１１－３０", "2023-11-30")]
    [InlineData("８：３０", "8:30")]
    [InlineData("  Next   MONDAY ", "next monday")]
    [InlineData("2023 年 11 月 30 日", "2023年11月30日")]
    [InlineData("下周 五", "下周五")]
    [InlineData("十一月三十一日", "11月31日")]
    [InlineData("二〇二三年", "2023年")]
    [InlineData("两周后", "2周后")]
    [InlineData("八点零五", "8点05")]
    [InlineData("周一十点", "周一10点")]
    [InlineData("星期三", "星期三")]
    [InlineData("礼拜六三点", "礼拜六3点")]
    [InlineData("十十天", "十十天")]
    [InlineData("2023—11—30", "2023-11-30")]
    [InlineData("11月\u200B30日", "11月30日")]
    [InlineData("\u202E11-30\u202C", "11-30")]
    [InlineData("\u2066明天\u2069\u200D", "明天")]
    public void Normalize_TypedText_ReturnsCanonicalForm(string input, string expected) =>
        Assert.Equal(expected, InputText.Normalize(input));

    [Theory]
    [InlineData("下周一 上午 十点半")]
    [InlineData("２０２３年十一月三十日 下午两点")]
    [InlineData("Nov 30,  2023 2:30 PM")]
    public void Normalize_NormalizedText_IsUnchanged(string input)
    {
        var once = InputText.Normalize(input);

        Assert.NotNull(once);
        Assert.Equal(once, InputText.Normalize(once));
    }

    [Fact]
    public void Normalize_LongerThanMaxLength_ReturnsNull() =>
        Assert.Null(InputText.Normalize(new string('1', InputText.MaxLength + 1)));

    [Theory]
    [InlineData("一", "1")]
    [InlineData("两", "2")]
    [InlineData("十", "10")]
    [InlineData("十一", "11")]
    [InlineData("二十", "20")]
    [InlineData("三十一", "31")]
    [InlineData("二〇二三", "2023")]
    [InlineData("零五", "05")]
    [InlineData("十十", null)]
    [InlineData("两十", null)]
    [InlineData("一百", null)]
    [InlineData("", null)]
    [InlineData("一二十", null)]
    public void ToDigits_NumeralRun_ReturnsDigitsOrNull(string run, string? expected) =>
        Assert.Equal(expected, ChineseNumerals.ToDigits(run));

    [Fact]
    public void TypedText_Clean_DropsControlZeroWidthAndBidiCharacters_KeepsLineBreaksTabsAndEmoji()
    {
        var dropped = "\u0000\u0007\u001B\u007F\u0085\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u2060\uFEFF";

        Assert.Equal("第一行\n\t第二行 📷", TypedText.Clean("第" + dropped + "一行\n\t第二" + dropped + "行 📷"));
        Assert.Same("不变", TypedText.Clean("不变"));
        Assert.Null(TypedText.Clean(null));
    }
}
