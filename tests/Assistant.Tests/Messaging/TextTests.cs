using Assistant.Core.Messaging;

namespace Assistant.Tests.Messaging;

public sealed class TextTests
{
    [Theory]
    [InlineData("<b>&\"", "&lt;b&gt;&amp;&quot;")]
    [InlineData("普通文字 😀", "普通文字 😀")]
    [InlineData("a\u0000b\u0007c\nd\te", "abc\nd\te")]
    [InlineData("*_[]()~`>#+-=|{}.!", "*_[]()~`&gt;#+-=|{}.!")]
    public void Escape_UserText_IsSafeForTelegramHtml(string input, string expected) =>
        Assert.Equal(expected, Html.Escape(input));

    [Fact]
    public void Split_ShortText_IsOnePart() => Assert.Single(TextSplitter.Split("<b>x</b>\ny"));

    [Fact]
    public void Split_ManyLines_BreaksAtLineBreaksBelowTheLimit()
    {
        var lines = Enumerable.Range(0, 400).Select(i => $"<b>{i}</b> 第{i}行 问题描述文字").ToList();
        var parts = TextSplitter.Split(string.Join('\n', lines));

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Length <= TextSplitter.MaxLength));
        Assert.Equal(lines, parts.SelectMany(p => p.Split('\n')).ToList());
    }

    [Fact]
    public void Split_OneHugeLineOfEscapedText_NeverCutsAnEntityAndLosesNothing()
    {
        var raw = string.Concat(Enumerable.Repeat("隐患<&>\"描述 ", 2000));
        var parts = TextSplitter.Split(Html.Escape(raw));

        Assert.All(parts, p => Assert.True(p.Length <= TextSplitter.MaxLength, $"part of {p.Length}"));
        Assert.Equal(raw, string.Concat(parts.Select(Html.ToPlainText)));
        Assert.All(parts, p => Assert.Equal(Html.Escape(Html.ToPlainText(p)), p));
    }

    [Fact]
    public void Split_TenThousandEmoji_KeepsSurrogatePairsTogether()
    {
        var raw = string.Concat(Enumerable.Repeat("🔥", 10_000));
        var parts = TextSplitter.Split(raw);

        Assert.Equal(raw, string.Concat(parts));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
    }
}
