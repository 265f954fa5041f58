using Assistant.Core.Messaging;

namespace Assistant.Tests.Messaging;

public sealed class ButtonLabelTests
{
    [Theory]
    [InlineData("✅ 保存", "保存")]
    [InlineData("✅ 保存", " ✅ 保存 ")]
    [InlineData("✎ 方面", "方面")]
    [InlineData("下一步：核对", "下一步：核对")]
    [InlineData("◀ Back", "back")]
    [InlineData("责任人：未填", "责任人：未填")]
    [InlineData("Extend (deadline)", "extend (deadline)")]
    public void Matches_TheLabelWithOrWithoutItsSymbols(string label, string typed) =>
        Assert.True(ButtonLabel.Matches(label, typed));

    [Theory]
    [InlineData("✅ 保存", "保存一下")]
    [InlineData("✅ 保存", "存")]
    [InlineData("✅", "✅")]
    [InlineData("下一步：核对", "下一步")]
    [InlineData("跳过", "")]
    public void DoesNotMatch_OtherTextOrLabelsWithoutWords(string label, string typed) =>
        Assert.False(ButtonLabel.Matches(label, typed));
}
