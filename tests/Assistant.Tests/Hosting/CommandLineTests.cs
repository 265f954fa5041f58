using Assistant.Tests.Support;

namespace Assistant.Tests.Hosting;

/// <summary>The command line of the built program: usage, help, and what is refused before anything starts.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new[] { "tema", "add" }, "Assistant: unknown command 'tema'.")]
    [InlineData(new[] { "--hlep" }, "Assistant: unknown option '--hlep' for the assistant.")]
    [InlineData(new[] { "--console", "extra" }, "Assistant: unexpected argument 'extra'.")]
    [InlineData(new[] { "team", "add", "--nmae", "第七组" }, "Assistant: unknown option '--nmae' for 'team add'.")]
    [InlineData(new[] { "team" }, "Assistant: 'team' needs one of: add, list.")]
    public async Task CommandLine_UnknownVerbOrOption_PrintsTheUsageAndExitsOneWithoutStarting(string[] args, string problem)
    {
        using var folder = new TempFolder();

        var (code, stdout, stderr) = await AssistantProcess.RunAsync(folder.Path, args, "/help\n", Env(folder));

        Assert.Equal(1, code);
        Assert.StartsWith(problem + "\n", stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("usage: Assistant", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.False(File.Exists(folder.DatabasePath), "the assistant must not start");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("-h")]
    public async Task CommandLine_Help_PrintsTheUsageAndExitsZero(string help)
    {
        using var folder = new TempFolder();

        var (code, stdout, stderr) = await AssistantProcess.RunAsync(folder.Path, [help], environment: Env(folder));

        Assert.Equal(0, code);
        Assert.StartsWith("usage: Assistant", stdout, StringComparison.Ordinal);
        Assert.Contains("invite --team NAME --role leader|liaison|member|contact", stdout, StringComparison.Ordinal);
        Assert.Equal("", stderr);
        Assert.False(File.Exists(folder.DatabasePath));
    }

    private static Dictionary<string, string> Env(TempFolder folder) => AssistantProcess.ConsoleEnvironment(folder);
}
