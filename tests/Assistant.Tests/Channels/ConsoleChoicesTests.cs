using Assistant.Channels.Console;
using Assistant.Hosting;
using Assistant.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Channels;

/// <summary>The console's numbered choices, through the built program: only the latest message's buttons are live.</summary>
public sealed class ConsoleChoicesTests
{
    [Fact]
    public async Task BareNumber_NoLiveChoice_IsAnsweredWithAHintAndNeverStored()
    {
        using var folder = new TempFolder();

        var (code, stdout, stderr) = await AssistantProcess.RunAsync(folder.Path, [],
            "今天下午与应急厅座谈\n11\n/notes\n11\n１１\n/notes\n", AssistantProcess.ConsoleEnvironment(folder));

        Assert.True(code == 0, stderr);
        Assert.True(stdout.Contains("没有编号为11的选项：请输入1到9之间的编号，或选项的文字。如要把“11”记为笔记，请发送 /note 11。", StringComparison.Ordinal), stdout);
        Assert.Contains("现在没有可选的编号。如要把“11”记为笔记，请发送 /note 11。", stdout, StringComparison.Ordinal);
        Assert.Contains("现在没有可选的编号。如要把“１１”记为笔记", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("的笔记：11", stdout, StringComparison.Ordinal);
        Assert.Equal(2, Count(stdout, "的笔记（5 条）")); // today is the live demo's second day: its 4 notes (a tip among them) and this one
    }

    [Fact]
    public async Task BareNumber_AfterAFlowEnded_PicksNothingFromItsOldQuestion()
    {
        using var folder = new TempFolder();

        // /lang's buttons are gone once the language is chosen: "2" then means nothing, and is not a note.
        var (code, stdout, stderr) = await AssistantProcess.RunAsync(folder.Path, [], "/lang\n1\n2\n/notes\n", AssistantProcess.ConsoleEnvironment(folder));

        Assert.True(code == 0, stderr);
        Assert.Contains("现在没有可选的编号。如要把“2”记为笔记", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Inspection Assistant", stdout, StringComparison.Ordinal);
        Assert.Contains("的笔记（4 条）", stdout, StringComparison.Ordinal); // the live demo's notes of today, and no "2"
        Assert.DoesNotContain("的笔记：2", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaggingATip_OnlyTheTipsQuestionIsLive_AndTheNoteButtonsKeepTheirNumbers()
    {
        using var folder = new TempFolder();

        var (code, stdout, stderr) = await AssistantProcess.RunAsync(folder.Path, [],
            "有群众来电反映某工地夜间施工\n7\n1\n某工地夜间违规施工\n7\n1\n5\n/notes\n", AssistantProcess.ConsoleEnvironment(folder));

        Assert.True(code == 0, stderr);
        Assert.Contains("[3] ✓ 笔记 [4] 会议 [5] 谈话 [6] 查阅材料 [7] 举报线索 [8] 工作亮点", stdout, StringComparison.Ordinal);
        var tagged = stdout.IndexOf("的举报线索：有群众来电反映某工地夜间施工", StringComparison.Ordinal);
        var question = stdout.IndexOf("这条举报是怎么收到的？", StringComparison.Ordinal);
        Assert.True(tagged > 0 && question > tagged, stdout);
        Assert.DoesNotContain("[1] 撤销", stdout[tagged..question], StringComparison.Ordinal);

        // "7" at the handling question (three choices) is no choice: a hint, and the question stays open.
        Assert.Contains("没有编号为7的选项：请输入1到3之间的编号", stdout, StringComparison.Ordinal);
        Assert.Contains("处理：转交属地核查", stdout, StringComparison.Ordinal);
        Assert.Contains("[3] 笔记 [4] 会议 [5] 谈话 [6] 查阅材料 [7] ✓ 举报线索 [8] 工作亮点", stdout, StringComparison.Ordinal);

        // The note's buttons are live again after the tip: "5" tags it as an interview, as the same number did before.
        Assert.Contains("[谈话] 刘组长", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("的笔记：7", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReminderArrivingBetweenACardAndTheAnswer_LeavesTheCardsNumbersLive()
    {
        // 18:50 in Changsha on the live demo's second day: the 19:30 team meeting (全体) is reminded at 19:00.
        using var folder = new TempFolder();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 10, 50, 0, TimeSpan.Zero));
        var output = new LockedWriter();
        var input = new ScriptedInput(["/lang", "2", "/help"], beforeLine: async index =>
        {
            if (index != 1)
            {
                return;
            }

            // The card is on screen; the reminder comes before the operator answers it.
            Assert.DoesNotContain(output.Lines(), ReminderLine);
            clock.Advance(TimeSpan.FromMinutes(15));
            await WaitUntilAsync(() => output.Lines().Any(ReminderLine));
        });

        var code = await AssistantProgram.RunAsync(["--console"], output, TextWriter.Null, b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = folder.DatabasePath, ["Telegram:BotToken"] = "" });
            b.Services.AddSingleton<TimeProvider>(clock);
            b.Services.AddSingleton(new ConsoleSession(input, output));
        });

        var text = output.ToString();
        Assert.True(code == 0, text);
        var card = text.IndexOf("[1] 中文 [2] English", StringComparison.Ordinal);
        var reminder = text.IndexOf(output.Lines().First(ReminderLine), StringComparison.Ordinal);
        Assert.True(card > 0 && reminder > card, text);
        Assert.Contains("show the commands you can use", text, StringComparison.Ordinal);
        Assert.DoesNotContain("现在没有可选的编号", text, StringComparison.Ordinal);
    }

    /// <summary>The meeting's reminder to the operator (not a copy shown for another member: those start with "[→ ").</summary>
    private static bool ReminderLine(string line) => line.Contains("组内碰头会", StringComparison.Ordinal) && !line.StartsWith("[→", StringComparison.Ordinal);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            Assert.True(waited < 30_000, "The reminder was not shown within 30 s.");
            await Task.Delay(10);
        }
    }

    private static int Count(string text, string fragment)
    {
        var count = 0;
        for (var i = text.IndexOf(fragment, StringComparison.Ordinal); i >= 0; i = text.IndexOf(fragment, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>A terminal the sender writes to from its lanes while the test reads it.</summary>
    private sealed class LockedWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            lock (_gate)
            {
                base.WriteLine(value);
            }

            return Task.CompletedTask;
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return base.ToString();
            }
        }

        public string[] Lines() => ToString().Split('\n');
    }

    /// <summary>Typed lines, with a step before each one is read.</summary>
    private sealed class ScriptedInput(IReadOnlyList<string> lines, Func<int, Task> beforeLine) : TextReader
    {
        private int _next;

        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            if (_next >= lines.Count)
            {
                return null;
            }

            await beforeLine(_next);
            return lines[_next++];
        }
    }
}
