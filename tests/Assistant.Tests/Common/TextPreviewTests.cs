using Assistant.Core.Common;

namespace Assistant.Tests.Common;

public sealed class TextPreviewTests
{
    [Theory]
    [InlineData("", 3, "")]
    [InlineData("液化气站", 4, "液化气站")]
    [InlineData("液化气站钢瓶", 4, "液化气站…")]
    [InlineData("abc", 0, "…")]
    public void Shorten_KeepsATextThatFits_AndCutsOneThatDoesNot(string text, int length, string expected) =>
        Assert.Equal(expected, TextPreview.Shorten(text, length));
}
