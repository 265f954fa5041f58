using Assistant.Hosting;
using Assistant.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Assistant.Tests.Hosting;

/// <summary>When the process hands its free heap back: once after work, when quiet; never while busy, never twice for one quiet spell.</summary>
public sealed class IdleTrimPolicyTests
{
    private const long MB = 1024 * 1024;

    [Fact]
    public void Observe_TrimsOnceTheFirstQuietCheckAfterWork_AndNotAgainWhileItStaysQuiet()
    {
        var policy = new IdleTrimPolicy();
        Assert.False(policy.Observe(30 * MB)); // the first reading has nothing to compare with
        Assert.False(policy.Observe(45 * MB)); // busy: 15 MB in one check
        Assert.True(policy.Observe(45 * MB + 1000)); // quiet after work
        Assert.False(policy.Observe(45 * MB + 2000));
        Assert.False(policy.Observe(45 * MB + 3000));
    }

    [Fact]
    public void Observe_NeverTrimsWhileEveryCheckAllocates()
    {
        var policy = new IdleTrimPolicy();
        var allocated = 0L;
        for (var i = 0; i < 100; i++)
        {
            allocated += IdleTrimPolicy.QuietBytes; // just enough to count as busy
            Assert.False(policy.Observe(allocated));
        }
    }

    [Fact]
    public void Observe_TrimsAgainOnlyAfterEnoughNewWork()
    {
        var policy = new IdleTrimPolicy();
        policy.Observe(0);
        policy.Observe(20 * MB);
        Assert.True(policy.Observe(20 * MB));

        // A little work (a command or two) and quiet again: not worth another collection.
        Assert.False(policy.Observe(21 * MB));
        Assert.False(policy.Observe(21 * MB));

        // A burst well past the threshold, then quiet: trimmed once more.
        Assert.False(policy.Observe(20 * MB + IdleTrimPolicy.WorthBytes + MB));
        Assert.True(policy.Observe(20 * MB + IdleTrimPolicy.WorthBytes + MB));
    }

    [Fact]
    public void Observe_AProcessThatStartsQuietWithLittleAllocatedIsLeftAlone()
    {
        var policy = new IdleTrimPolicy();
        Assert.False(policy.Observe(MB));
        Assert.False(policy.Observe(MB));
        Assert.False(policy.Observe(MB));
    }
}

/// <summary>The trim runs where the process waits for messages all day, and not in a one-shot operator verb.</summary>
public sealed class IdleMemoryTrimRegistrationTests
{
    [Theory]
    [InlineData(new[] { "--console" }, HostMode.Console, true)]
    [InlineData(new string[0], HostMode.Telegram, true)]
    [InlineData(new[] { "team", "list" }, HostMode.Operator, false)]
    public void CreateBuilder_RegistersTheTrimForTheChatChannelsOnly(string[] args, HostMode expected, bool registered)
    {
        using var folder = new TempFolder();
        var (builder, mode) = AssistantHost.CreateBuilder(Invocation.Parse(args), b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "123:test-token",
            ["Storage:DatabasePath"] = folder.DatabasePath,
        }));

        Assert.Equal(expected, mode);
        var hosted = builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType).ToList();
        Assert.NotEmpty(hosted); // the precondition: the host does register its services here
        Assert.Equal(registered, hosted.Contains(typeof(IdleMemoryTrim)));
    }
}
