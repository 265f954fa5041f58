using System.Text;
using Assistant.Tests.Support;

namespace Assistant.Tests.Hosting;

/// <summary><c>schedule import</c> of the built program, as the README's set-up runs it.</summary>
public sealed class OperatorImportTests
{
    [Fact]
    public async Task ScheduleImport_Twice_SaysTheSecondReplacedNothingAndAddedNothing_AndABadKindIsNamedWithTheChineseKinds()
    {
        using var folder = new TempFolder();
        var env = AssistantProcess.ConsoleEnvironment(folder);
        await AssistantProcess.RunAsync(folder.Path, ["team", "add", "--name", "第七组", "--region", "湖南省", "--from", "2023-11-01", "--to", "2023-11-10"], environment: env);
        var good = folder.File("itinerary.csv");
        var bad = folder.File("bad.csv");
        await File.WriteAllTextAsync(good, "日期,开始,结束,类型,事项,地点,参加人员,备注\n2023-11-01,09:00,11:00,见面会,考核巡查见面会,湖南省人民政府,全体,\n", Encoding.UTF8);
        await File.WriteAllTextAsync(bad, "日期,开始,结束,类型,事项,地点,参加人员,备注\n2023-11-02,09:00,11:00,座谈会,座谈,,全体,\n", Encoding.UTF8);

        var first = await AssistantProcess.RunAsync(folder.Path, ["schedule", "import", "--team", "第七组", "--file", good], environment: env);
        var second = await AssistantProcess.RunAsync(folder.Path, ["schedule", "import", "--team", "第七组", "--file", good], environment: env);
        var wrong = await AssistantProcess.RunAsync(folder.Path, ["schedule", "import", "--team", "第七组", "--file", bad], environment: env);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("Imported 1 item into the itinerary of 第七组: 1 added, 0 replaced", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 added, 0 replaced (same title and start as an item already there), 1 already there unchanged.", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("Line 2: unknown kind “座谈会” (use: 见面会、汇报会、实地检查、暗访、个别谈话、调阅材料、培训、反馈会、路途、其他)", wrong.Stderr, StringComparison.Ordinal);
    }
}
