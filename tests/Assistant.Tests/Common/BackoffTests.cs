using Assistant.Core.Common;

namespace Assistant.Tests.Common;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(5, 32)]
    [InlineData(6, 60)]
    [InlineData(2000, 60)] // far past the cap: still the cap, no overflow
    public void Doubling_FromOneSecond_DoublesUpToTheCap(int doublings, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.Doubling(doublings, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));

    [Fact]
    public void Doubling_FromTenSeconds_AsTheEvidenceDownloadsWait() =>
        Assert.Equal(
            [10, 20, 40, 80, 160, 320, 600, 600],
            Enumerable.Range(0, 8).Select(n => Backoff.Doubling(n, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10)).TotalSeconds));
}
