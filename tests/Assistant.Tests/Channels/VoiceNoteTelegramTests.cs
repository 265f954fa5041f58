using Assistant.Core.Jobs;
using Assistant.Core.Localization;
using Assistant.Core.Notes;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;

namespace Assistant.Tests.Channels;

/// <summary>
/// Voice notes transcribed through the real Telegram client and the fake Bot API (voice message → getFile →
/// download) and Semantic Kernel's audio-to-text service against a stand-in transcription server.
/// </summary>
public sealed class VoiceNoteTelegramTests
{
    private const long Member = 801;
    private const long EnglishMember = 802;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task VoiceNote_IsTranscribedInTheMembersLanguage_AndTheAudioStaysAsEvidence()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var whisper = await FakeTranscriptionServer.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder, settings: Settings(whisper, timeoutSeconds: 10));
        var team = TwoMembers(app);
        const string Heard = "长沙市岳麓区某某燃气有限公司钢瓶间未安装可燃气体报警装置";
        whisper.Answer(TranscriptionReply.Text(Heard));

        api.EnqueueVoice(Member, Member, durationSeconds: 4);
        await api.WaitForSentAsync(m => m.ChatId == Member && m.PlainText!.Contains("正在转写", StringComparison.Ordinal), Long);
        var transcribed = await api.WaitForSentAsync(m => m.ChatId == Member && m.PlainText!.Contains("语音已转写", StringComparison.Ordinal), Long);

        Assert.Contains(Heard, transcribed.PlainText, StringComparison.Ordinal);
        Assert.NotNull(transcribed.InlineKeyboard);
        var note = Assert.Single(app.Get<NoteStore>().OfTeam(team.Id));
        Assert.Equal(Heard, note.Text);
        Assert.True(note.Transcribed);
        Assert.NotNull(note.VoiceFileId);
        Assert.Equal(4, note.VoiceSeconds);
        Assert.Contains(api.Calls, c => c.Method == "getFile");
        var request = Assert.Single(whisper.Requests);
        Assert.Equal("OggS"u8.ToArray(), request.Audio[..4]);
        Assert.Equal(256 + 4000, request.Audio.Length);
        Assert.Equal("zh", request.Language);
        Assert.Equal("whisper-1", request.Model);
        // The job is completed just after its reply is queued, so the reply can arrive first.
        await Eventually.TrueAsync(() => app.Get<JobStore>().Count() == 0, "the transcription job to finish", Long);

        // The transcript is the note's text everywhere the note goes: turned into a finding, it is the description.
        var member = new TelegramUser(api, Member, Long);
        await member.PressAsync("转为问题");
        Assert.Equal(Heard, app.Get<Core.Conversations.DraftStore>().Get(Member)!.Data["Description"].AsString);

        whisper.Answer(TranscriptionReply.Text("Fire exit blocked at the Riverside Hotel"));
        api.EnqueueVoice(EnglishMember, EnglishMember);
        var english = await api.WaitForSentAsync(m => m.ChatId == EnglishMember && m.PlainText!.Contains("Voice note transcribed", StringComparison.Ordinal), Long);
        Assert.Contains("Riverside Hotel", english.PlainText, StringComparison.Ordinal);
        Assert.Equal("en", whisper.Requests[^1].Language);
    }

    [Fact]
    public async Task FailedSlowOrSilentTranscription_LeavesTheVoiceNoteSaved_AndSaysSoInOneLine()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var whisper = await FakeTranscriptionServer.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder, settings: Settings(whisper, timeoutSeconds: 1));
        var team = app.CreateTeam();
        app.AddMember(team, Member, Role.Member, "李明");

        whisper.Answer(TranscriptionReply.Error(500));
        api.EnqueueVoice(Member, Member);
        var failed = await api.WaitForSentAsync(m => m.ChatId == Member && m.PlainText!.Contains("语音转写未成功", StringComparison.Ordinal), Long);
        Assert.DoesNotContain('\n', failed.PlainText!.Trim());

        whisper.Answer(TranscriptionReply.Text(""));
        api.EnqueueVoice(Member, Member);
        await api.WaitForSentAsync(m => m.ChatId == Member && m.PlainText!.Contains("未识别出文字", StringComparison.Ordinal), Long);

        whisper.Answer(TranscriptionReply.Text("太慢了") with { Delay = TimeSpan.FromSeconds(10) });
        api.EnqueueVoice(Member, Member);
        await api.WaitForSentAsync(m => m.ChatId == Member && m.PlainText!.Contains("语音转写超时", StringComparison.Ordinal), Long);

        var notes = app.Get<NoteStore>().OfTeam(team.Id);
        Assert.Equal(3, notes.Count);
        Assert.All(notes, n =>
        {
            Assert.NotNull(n.VoiceFileId);
            Assert.False(n.Transcribed);
            Assert.Equal("", n.Text);
        });
        Assert.Equal(3, whisper.Requests.Count);
        // The job is completed just after its reply is queued, so the reply can arrive first.
        await Eventually.TrueAsync(() => app.Get<JobStore>().Count() == 0, "the transcription job to finish", Long);
        Assert.Empty(app.Get<JobStore>().Dead());
        Assert.DoesNotContain("太慢了", app.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVoiceNoteOnACovertVisit_NeverReachesTheTranscriptionServer_AndTheOpenOneStillDoes()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var whisper = await FakeTranscriptionServer.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder, settings: Settings(whisper, timeoutSeconds: 10));
        var team = TwoMembers(app);
        var now = app.Get<TimeProvider>().GetUtcNow().UtcDateTime;
        var visit = new Core.Schedule.ScheduleItem
        {
            Kind = Core.Schedule.EventKind.CovertVisit,
            Title = "暗访瓶装液化气充装站",
            StartUtc = now.AddHours(-1),
            EndUtc = now.AddHours(1),
            Participants = [Member],
        };
        app.Get<Core.Storage.AssistantDatabase>().InTransaction(() => app.Get<Core.Schedule.ScheduleService>().Import(team.Id, TeamAdministration.OperatorActor, [visit], now));

        api.EnqueueVoice(Member, Member, durationSeconds: 5);
        var saved = await api.WaitForSentAsync(m => m.ChatId == Member && m.PlainText!.Contains("语音 5 秒", StringComparison.Ordinal), Long);
        Assert.Contains("暗访笔记", saved.PlainText, StringComparison.Ordinal);
        Assert.Contains("暗访中的语音笔记只保留原语音，不送转写", saved.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("正在转写", saved.PlainText, StringComparison.Ordinal);

        // An open voice note sent after it is transcribed: by then the covert one would have been sent too.
        whisper.Answer(TranscriptionReply.Text("Fire exit blocked at the Riverside Hotel"));
        api.EnqueueVoice(EnglishMember, EnglishMember);
        await api.WaitForSentAsync(m => m.ChatId == EnglishMember && m.PlainText!.Contains("Voice note transcribed", StringComparison.Ordinal), Long);

        var request = Assert.Single(whisper.Requests);
        Assert.Equal("en", request.Language);
        var notes = app.Get<NoteStore>().OfTeam(team.Id);
        var covert = notes.Single(n => n.AuthorId == Member);
        Assert.True(covert.Covert);
        Assert.NotNull(covert.VoiceFileId);
        Assert.Equal(5, covert.VoiceSeconds);
        Assert.False(covert.Transcribed);
        Assert.Equal("", covert.Text);
        Assert.True(notes.Single(n => n.AuthorId == EnglishMember).Transcribed);
        // The job is completed just after its reply is queued, so the reply can arrive first.
        await Eventually.TrueAsync(() => app.Get<JobStore>().Count() == 0, "the transcription job to finish", Long);
        Assert.DoesNotContain(api.Sent, m => m.ChatId == Member && m.PlainText!.Contains("转写", StringComparison.Ordinal) && !m.PlainText.Contains("不送转写", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutATranscriptionEndpoint_AVoiceNoteIsSavedAsToday_AndNothingIsQueued()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        var team = app.CreateTeam();
        app.AddMember(team, Member, Role.Member, "李明");

        api.EnqueueVoice(Member, Member, durationSeconds: 7);
        var saved = await api.WaitForSentAsync(m => m.ChatId == Member && m.PlainText!.Contains("语音 7 秒", StringComparison.Ordinal), Long);

        Assert.DoesNotContain("转写", saved.PlainText, StringComparison.Ordinal);
        var note = Assert.Single(app.Get<NoteStore>().OfTeam(team.Id));
        Assert.False(note.Transcribed);
        Assert.Equal(0, app.Get<JobStore>().Count());
        Assert.DoesNotContain(api.Calls, c => c.Method == "getFile");
    }

    /// <summary>A team with a Chinese-speaking and an English-speaking member.</summary>
    private static Team TwoMembers(TestApp app)
    {
        var team = app.CreateTeam();
        app.AddMember(team, Member, Role.Member, "李明");
        app.AddMember(team, EnglishMember, Role.Member, "Li Hua", Language.English);
        return team;
    }

    private static Dictionary<string, string?> Settings(FakeTranscriptionServer whisper, int timeoutSeconds) => new()
    {
        ["AI:TranscriptionEndpoint"] = whisper.BaseUrl.ToString(),
        ["AI:TranscriptionTimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
