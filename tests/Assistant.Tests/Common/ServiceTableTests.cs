using Assistant.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Common;

public sealed class ServiceTableTests
{
    private interface IFirst;

    private interface ISecond;

    private interface IUnrelated;

    private sealed class Both : IFirst, ISecond;

    [Fact]
    public void AddSingletonAs_ServesEachInterfaceWithTheOneInstance()
    {
        using var provider = new ServiceCollection().AddSingletonAs<Both>(typeof(IFirst), typeof(ISecond)).BuildServiceProvider();

        var itself = provider.GetRequiredService<Both>();
        Assert.Same(itself, provider.GetRequiredService<IFirst>());
        Assert.Same(itself, provider.GetRequiredService<ISecond>());
    }

    [Fact]
    public void AddSingletonAs_RefusesAnInterfaceTheTypeDoesNotImplement()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSingletonAs<Both>(typeof(IUnrelated)));

        Assert.Contains("Both is not a IUnrelated", error.Message, StringComparison.Ordinal);
    }
}
