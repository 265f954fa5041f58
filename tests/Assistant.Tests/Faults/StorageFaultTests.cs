using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Messaging;
using Assistant.Core.Notes;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Faults;

/// <summary>
/// The disk refusing writes (a read-only file system, an I/O error) while the assistant runs: the
/// operator and the user are told, nothing is half-saved, the file is not corrupted, and normal
/// service resumes by itself once writes work again; updates refused meanwhile are handled then.
/// </summary>
public sealed class StorageFaultTests
{
    /// <summary>The engine is reopened at most once a second; wait that long after the condition clears.</summary>
    private static readonly TimeSpan Reopen = TimeSpan.FromMilliseconds(1100);

    [Theory]
    [InlineData("Read-only file system")]
    [InlineData("Input/output error")]
    public void WritesFail_UpdatesAreRefusedUntilTheyWork_ThenHandledOnce_AndTheFileIsIntact(string condition)
    {
        using var folder = new TempFolder();
        var refused = new List<IncomingUpdate>();
        using (var h = Team(out _, folder: folder))
        {
            h.Send(Author, "故障前的笔记");
            h.Get<StorageFaults>().FailWrites(condition);
            for (var i = 1; i <= 3; i++)
            {
                var update = CoreHarness.Text(Author, "故障期间的笔记" + i);
                refused.Add(update);
                Assert.Equal(DispatchOutcome.StorageUnavailable, h.Dispatch(update));
            }

            Assert.True(h.Get<AssistantDatabase>().Failed);
            Assert.True(h.Logs.Contains("storage refused the write", Microsoft.Extensions.Logging.LogLevel.Error), h.Logs.AllText);
            Assert.True(h.Logs.Contains("cannot be written: " + condition, Microsoft.Extensions.Logging.LogLevel.Error), h.Logs.AllText);

            h.Get<StorageFaults>().Clear();
            Thread.Sleep(Reopen);

            // Telegram delivers the unconfirmed updates again; each is handled once.
            foreach (var update in refused.Concat(refused))
            {
                h.Dispatch(update);
            }

            Assert.False(h.Get<AssistantDatabase>().Failed);
            h.Send(Author, "恢复后的笔记");
            Assert.Contains("恢复后的笔记", h.LastText(Author), StringComparison.Ordinal);
        }

        // A fresh start on the same file: every note there exactly once, nothing from a half-written transaction.
        using var restarted = CoreHarness.Create(folder);
        var team = restarted.Get<TeamStore>().AllTeams().Single();
        var notes = restarted.Get<NoteStore>().OfTeam(team.Id).Select(n => n.Text).Order().ToList();
        Assert.Equal(["恢复后的笔记", "故障前的笔记", "故障期间的笔记1", "故障期间的笔记2", "故障期间的笔记3"], notes);
    }

    [Fact]
    public void WritesFail_MidFlow_TheDraftKeepsWhatWasEntered_AndTheFlowGoesOnAfterwards()
    {
        using var h = Team(out var team);
        h.Send(Author, "/finding");
        h.Press(Author, "安全生产责任落实");
        h.Press(Author, "危险化学品");
        var onSite = h.LatestButtons(Author).Single(b => b.Label == "实地检查").Data;
        var faults = h.Get<StorageFaults>();
        faults.FailWrites();

        var refused = CoreHarness.Text(Author, "这条不会被记下");
        Assert.Equal(DispatchOutcome.StorageUnavailable, h.Dispatch(refused));
        Assert.Equal(DispatchOutcome.StorageUnavailable, h.PressData(Author, onSite));

        faults.Clear();
        Thread.Sleep(Reopen);
        var draft = h.Get<DraftStore>().Get(Author);
        Assert.NotNull(draft);
        Assert.Equal("HazardousChemicals", draft.Data["Sector"].AsString);
        h.Press(Author, "实地检查");
        h.Press(Author, "明查");
        h.Send(Author, "长沙市望城区");
        h.Send(Author, "长沙某化工有限公司");
        h.Send(Author, "甲类仓库与办公楼防火间距不足");
        h.Press(Author, "描述完成");
        h.Press(Author, "一般隐患");
        h.Press(Author, "保存");
        var finding = Assert.Single(h.Get<FindingStore>().OfTeam(team.Id));
        Assert.Equal(Method.OnSiteInspection, finding.Method);
    }

    [Fact]
    public void StillFailing_ReopeningIsTriedAndRefusedAgain_AndTheLogIsNotReportedSynced()
    {
        using var h = Team(out _);
        h.Get<StorageFaults>().FailWrites();
        h.Send(Author, "第一条");
        Thread.Sleep(Reopen);

        // Reopening is tried, fails again, and the update is refused rather than half-saved.
        Assert.Equal(DispatchOutcome.StorageUnavailable, h.Dispatch(CoreHarness.Text(Author, "第二条")));
        Assert.Throws<DatabaseUnavailableException>(() => h.Get<AssistantDatabase>().SyncLog());
        Assert.True(h.Get<AssistantDatabase>().Failed);
    }

    [Fact]
    public async Task OverTelegram_TheUserIsToldOnce_AndTheMessageIsHandledWhenStorageWorksAgain()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        var team = app.CreateTeam();
        app.AddMember(team, Author, Role.Member, "李明");
        await api.WaitUntilPollingAsync();
        var faults = app.Get<StorageFaults>();

        faults.FailWrites("Input/output error");
        api.EnqueueText(Author, Author, "存储故障时发的笔记");
        api.EnqueueText(Author, Author, "存储故障时发的第二条笔记");
        var notice = await api.WaitForSentAsync(m => m.ChatId == Author, TimeSpan.FromSeconds(15));
        Assert.Contains("系统暂时无法保存数据", notice.PlainText, StringComparison.Ordinal);
        await Task.Delay(1500);
        Assert.Single(api.Sent, m => m.ChatId == Author);
        Assert.True(app.Logs.Contains("storage refused the write", Microsoft.Extensions.Logging.LogLevel.Error));

        faults.Clear();
        await api.WaitForSentAsync(m => m.ChatId == Author && m.PlainText!.Contains("存储故障时发的第二条笔记", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        var notes = app.Get<NoteStore>().OfTeam(team.Id).Select(n => n.Text).ToList();
        Assert.Equal(["存储故障时发的笔记", "存储故障时发的第二条笔记"], notes);
    }
}
