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
        var member = new TelegramUser(api, Member, Long);
        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4 };

        // The caption suggests the sector and the severity; the flow asks only what it does not say.
        api.EnqueuePhoto(Member, Member, "消防通道被占用", photo);
        await member.PressAsync("安全生产责任落实");
        await member.PressAsync("实地检查");
        await member.PressAsync("暗访");
        await member.SayAsync("长沙市岳麓区");
        var askedUnit = member.LastMessageId;
        api.EnqueueLocation(Member, Member, 28.2, 112.9);
        await api.WaitForSentAsync(m => m.ChatId == Member && m.MessageId > askedUnit && m.PlainText!.Contains("被检查单位", StringComparison.Ordinal), Long);
        await member.SayAsync("岳麓区某商场");
        await member.PressAsync("✎ 证据");
        var askedEvidence = member.LastMessageId;
        api.EnqueueDocument(Member, Member, "现场检查记录.pdf", "%PDF-1.4 test"u8.ToArray(), "application/pdf");
        await api.WaitForSentAsync(m => m.ChatId == Member && m.MessageId > askedEvidence && m.PlainText!.Contains("照片1张、文件1份", StringComparison.Ordinal), Long);
        await member.PressAsync("下一步");
        await member.PressAsync("保存");
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
        // The job is completed just after it stores the file, so the store can show the path first.
        await Eventually.TrueAsync(() => app.Get<JobStore>().Count() == 0, "the download jobs to finish", Long);
    }

    [Fact]
    public async Task EvidenceTooBigForTheBotApi_KeepsItsFileIdAndGivesUpQuietly()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        var team = app.CreateTeam();
        app.AddMember(team, Member, Role.Member);
        var member = new TelegramUser(api, Member, Long);

        api.EnqueuePhoto(Member, Member, "照片太大");
        await api.WaitForSentAsync(m => m.ChatId == Member && m.InlineKeyboard is not null, Long);
        var fileId = api.Calls.Count > 0 ? app.Get<Core.Conversations.DraftStore>().Get(Member)!.Data["Evidence"].AsArray[0]["FileId"].AsString : "";
        api.MarkFileTooBig(fileId);
        await member.PressAsync("安全生产责任落实");
        await member.PressAsync("消防");
        await member.PressAsync("实地检查");
        await member.PressAsync("明查");
        await member.SayAsync("长沙市");
        await member.SayAsync("某单位");
        await member.PressAsync("问题");
        await member.PressAsync("保存");
        await api.WaitForSentAsync(m => m.ChatId == Member && m.PlainText!.Contains("已保存", StringComparison.Ordinal), Long);

        await Eventually.TrueAsync(() => app.Get<JobStore>().Count() == 0, "the download job to finish", Long);
        var evidence = app.Get<FindingStore>().OfTeam(team.Id).Single().Evidence.Single();
        Assert.Equal(fileId, evidence.FileId);
        Assert.Null(evidence.LocalPath);
        Assert.Empty(app.Get<JobStore>().Dead());
    }
}
