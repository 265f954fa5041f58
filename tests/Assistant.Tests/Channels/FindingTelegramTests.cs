using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;

namespace Assistant.Tests.Channels;

/// <summary>The finding flow through the real Telegram client and the fake Bot API: buttons, photos, location, files.</summary>
public sealed class FindingTelegramTests
{
    private const long Member = 701;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Finding_StartedByAPhoto_WithButtonsLocationAndDocument_IsSavedAndItsFilesDownloaded()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        var team = app.CreateTeam();
        app.AddMember(team, Member, Role.Member, "李明");
        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4 };

        api.EnqueuePhoto(Member, Member, "消防通道被占用", photo);
        await Press(api, "安全生产责任落实");
        await Press(api, "消防");
        await Press(api, "实地检查");
        await Press(api, "暗访");
        await Answer(api, "长沙市岳麓区");
        var askedPlace = await Latest(api);
        api.EnqueueLocation(Member, Member, 28.2, 112.9);
        await api.WaitForSentAsync(m => m.ChatId == Member && m.MessageId > askedPlace.MessageId && m.PlainText!.Contains("被检查单位", StringComparison.Ordinal), Long);
        await Answer(api, "岳麓区某商场");
        await Press(api, "描述完成");
        await Press(api, "一般隐患");
        var askedEvidence = await Latest(api);
        api.EnqueueDocument(Member, Member, "现场检查记录.pdf", "%PDF-1.4 test"u8.ToArray(), "application/pdf");
        await api.WaitForSentAsync(m => m.ChatId == Member && m.MessageId > askedEvidence.MessageId && m.PlainText!.Contains("照片 1、文件 1", StringComparison.Ordinal), Long);
        await Press(api, "下一步");
        await Press(api, "下一步：核对");
        await Press(api, "保存");
        await api.WaitForSentAsync(m => m.ChatId == Member && m.PlainText!.Contains("已保存为 G7-001", StringComparison.Ordinal), Long);

        var finding = app.Get<FindingStore>().OfTeam(team.Id).Single();
        Assert.True(finding.Covert);
        Assert.Equal(28.2, finding.Latitude);
        Assert.Equal("消防通道被占用", finding.Description);
        Assert.Equal(2, finding.Evidence.Count);
        await Eventually.TrueAsync(() => app.Get<FindingStore>().Get(finding.Id)!.Evidence.All(e => e.LocalPath is not null), "the evidence downloads", Long);
        var saved = app.Get<FindingStore>().Get(finding.Id)!;
        Assert.Equal(photo, await File.ReadAllBytesAsync(saved.Evidence[0].LocalPath!));
        Assert.EndsWith("现场检查记录.pdf", saved.Evidence[1].LocalPath, StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine(folder.Path, "data", "files", "G7-001"), saved.Evidence[1].LocalPath, StringComparison.Ordinal);
        Assert.Equal(0, app.Get<JobStore>().Count());
    }

    [Fact]
    public async Task EvidenceTooBigForTheBotApi_KeepsItsFileIdAndGivesUpQuietly()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        var team = app.CreateTeam();
        app.AddMember(team, Member, Role.Member);

        api.EnqueuePhoto(Member, Member, "照片太大");
        var start = await api.WaitForSentAsync(m => m.ChatId == Member && m.InlineKeyboard is not null, Long);
        var fileId = api.Calls.Count > 0 ? app.Get<Core.Conversations.DraftStore>().Get(Member)!.Data["Evidence"].AsArray[0]["FileId"].AsString : "";
        api.MarkFileTooBig(fileId);
        await Press(api, "安全生产责任落实", start);
        await Press(api, "消防");
        await Press(api, "实地检查");
        await Press(api, "明查");
        await Answer(api, "长沙市");
        await Press(api, "跳过");
        await Answer(api, "某单位");
        await Press(api, "描述完成");
        await Press(api, "问题");
        await Press(api, "下一步");
        await Press(api, "下一步：核对");
        await Press(api, "保存");
        await api.WaitForSentAsync(m => m.ChatId == Member && m.PlainText!.Contains("已保存", StringComparison.Ordinal), Long);

        await Eventually.TrueAsync(() => app.Get<JobStore>().Count() == 0, "the download job to finish", Long);
        var evidence = app.Get<FindingStore>().OfTeam(team.Id).Single().Evidence.Single();
        Assert.Equal(fileId, evidence.FileId);
        Assert.Null(evidence.LocalPath);
        Assert.Empty(app.Get<JobStore>().Dead());
    }

    private static async Task<SentMessage> Latest(FakeBotApi api) =>
        await api.WaitForSentAsync(m => m.ChatId == Member && !m.IsEdit, Long);

    private static async Task Answer(FakeBotApi api, string text)
    {
        var before = api.Sent.Where(m => m.ChatId == Member).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
        api.EnqueueText(Member, Member, text);
        await api.WaitForSentAsync(m => m.ChatId == Member && !m.IsEdit && m.MessageId > before, Long);
    }

    /// <summary>Presses a button of the newest message that has one with this label, then waits for the reply.</summary>
    private static async Task Press(FakeBotApi api, string label, SentMessage? message = null)
    {
        message ??= await api.WaitForSentAsync(m => m.ChatId == Member && !m.IsEdit && m.Buttons.Any(b => b.Text == label || b.Text.Contains(label, StringComparison.Ordinal)), Long);
        message = api.Sent.Last(m => m.ChatId == Member && !m.IsEdit && m.Buttons.Any(b => b.Text == label || b.Text.Contains(label, StringComparison.Ordinal)));
        var button = message.Buttons.FirstOrDefault(b => b.Text == label) ?? message.Buttons.First(b => b.Text.Contains(label, StringComparison.Ordinal));
        var before = api.Sent.Where(m => m.ChatId == Member && !m.IsEdit).Max(m => m.MessageId);
        api.EnqueueCallback(Member, Member, message.MessageId, button.CallbackData!);
        await api.WaitForSentAsync(m => m.ChatId == Member && !m.IsEdit && m.MessageId > before, Long);
    }
}
