using System.Text;
using Assistant.Core.Jobs;
using Assistant.Core.Messaging;
using Assistant.Core.Notes;
using Assistant.Core.Schedule;
using Assistant.Core.Storage;
using Assistant.Core.Summaries;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assistant.Tests.Findings;

/// <summary>
/// A note written while its author is on a covert itinerary item (暗访) is covert, decided when it is saved: only the
/// item's participants, the liaison and the leader read it, in /notes and in the brief; the brief lists it only in its
/// appendix with the sensitivity line, and no model prompt carries it. Real LiteDB on a temp file, fake time.
/// </summary>
public sealed class CovertNotesTests
{
    private const long Member = 701;
    private const long Colleague = 702;
    private const long Partner = 703;
    private const long Leader = 704;
    private const long Liaison = 705;
    private const string Marker = "暗访株洲某液化气站钢瓶无检验标签";

    /// <summary>Today (2 November 2023, 09:00 in Changsha) Member and Partner are on a covert visit from 08:30 to 11:00.</summary>
    private static CoreHarness Team(out Team team, out ScheduleItem covert, IDictionary<string, string?>? settings = null, Action<HostApplicationBuilder>? configure = null)
    {
        var h = CoreHarness.Create(settings: settings, configure: configure);
        team = h.CreateTeam();
        h.AddMember(team, Member, Role.Member, "李明");
        h.AddMember(team, Colleague, Role.Member, "张伟");
        h.AddMember(team, Partner, Role.Member, "王芳");
        h.AddMember(team, Leader, Role.Leader, "赵组长");
        h.AddMember(team, Liaison, Role.Liaison, "钱联络");
        covert = new ScheduleItem
        {
            Kind = EventKind.CovertVisit,
            Title = "暗访瓶装液化气充装站",
            Place = "株洲市荷塘区",
            StartUtc = new DateTime(2023, 11, 2, 0, 30, 0, DateTimeKind.Utc),
            EndUtc = new DateTime(2023, 11, 2, 3, 0, 0, DateTimeKind.Utc),
            Participants = [Member, Partner],
        };
        var item = covert;
        var id = team.Id;
        h.Get<AssistantDatabase>().InTransaction(() => h.Get<ScheduleService>().Import(id, TeamAdministration.OperatorActor, [item], h.Time.GetUtcNow().UtcDateTime));
        return h;
    }

    private static string NotesOf(CoreHarness h, long user)
    {
        h.Send(user, "/notes");
        return h.LastText(user);
    }

    [Fact]
    public void ANoteWrittenOnTheCovertVisit_IsCovert_AndReadOnlyByItsParticipantsTheLiaisonAndTheLeader()
    {
        using var h = Team(out var team, out var covert);

        h.Send(Member, Marker);

        var note = Assert.Single(h.Get<NoteStore>().OfTeam(team.Id));
        Assert.True(note.Covert);
        Assert.Equal(covert.Id, note.CovertItemId);
        Assert.Contains(Partner, note.CovertParticipants);
        Assert.Contains("暗访笔记", h.LastText(Member), StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, NotesOf(h, Colleague), StringComparison.Ordinal);
        Assert.Contains("今天还没有", h.LastText(Colleague), StringComparison.Ordinal);
        Assert.Contains(Marker, NotesOf(h, Member), StringComparison.Ordinal);
        Assert.Contains(Marker, NotesOf(h, Partner), StringComparison.Ordinal);
        Assert.Contains(Marker, NotesOf(h, Leader), StringComparison.Ordinal);
        Assert.Contains(Marker, NotesOf(h, Liaison), StringComparison.Ordinal);
        Assert.Contains("暗访", NotesOf(h, Leader), StringComparison.Ordinal); // marked for those who read it
    }

    [Fact]
    public void ANoteWrittenAfterTheVisitsWindow_StaysOpen()
    {
        using var h = Team(out var team, out _);
        h.Time.Advance(TimeSpan.FromHours(3)); // 12:00, the covert visit ended at 11:00

        h.Send(Member, Marker);

        Assert.False(Assert.Single(h.Get<NoteStore>().OfTeam(team.Id)).Covert);
        Assert.Contains(Marker, NotesOf(h, Colleague), StringComparison.Ordinal);
    }

    [Fact]
    public void ANoteOfAMemberNotOnTheCovertVisit_DuringIt_StaysOpen()
    {
        using var h = Team(out var team, out _);

        h.Send(Colleague, "三楼会议室灭火器过期");

        Assert.False(Assert.Single(h.Get<NoteStore>().OfTeam(team.Id)).Covert);
        Assert.Contains("灭火器过期", NotesOf(h, Member), StringComparison.Ordinal);
    }

    [Fact]
    public void TheDecision_IsKeptWhenTheItineraryChangesLater()
    {
        using var h = Team(out var team, out var covert);
        h.Send(Member, Marker);

        var schedule = h.Get<ScheduleStore>();
        var item = schedule.Get(covert.Id)!;
        item.Cancelled = true;
        item.Participants = [Member];
        schedule.Update(item);

        Assert.DoesNotContain(Marker, NotesOf(h, Colleague), StringComparison.Ordinal);
        Assert.Contains(Marker, NotesOf(h, Partner), StringComparison.Ordinal);
    }

    [Fact]
    public void TheAuthor_MayOpenACovertNote_AndMarkAnOrdinaryOneCovert()
    {
        using var h = Team(out var team, out _);
        h.Send(Member, Marker);

        h.Press(Member, "改为公开笔记");
        Assert.Contains(Marker, NotesOf(h, Colleague), StringComparison.Ordinal);

        h.Time.Advance(TimeSpan.FromHours(3));
        h.Send(Member, "另一家站点情况待核实");
        h.Press(Member, "设为暗访笔记");
        Assert.DoesNotContain("另一家站点", NotesOf(h, Colleague), StringComparison.Ordinal);
        Assert.DoesNotContain("另一家站点", NotesOf(h, Partner), StringComparison.Ordinal); // marked by hand: no visit's participants
        Assert.Contains("另一家站点", NotesOf(h, Leader), StringComparison.Ordinal);
        Assert.True(h.Get<NoteStore>().OfTeam(team.Id).Single(n => n.Text.StartsWith("另一家", StringComparison.Ordinal)).Covert);
    }

    [Fact]
    public void ACovertNoteButtonOfAnotherMember_IsRefused()
    {
        using var h = Team(out var team, out _);
        h.Send(Member, Marker);
        var open = h.LatestButtons(Member).Single(b => b.Label == "改为公开笔记").Data;

        h.PressData(Colleague, open);

        Assert.True(Assert.Single(h.Get<NoteStore>().OfTeam(team.Id)).Covert);
    }

    [Fact]
    public async Task TheBrief_ListsTheCovertNoteOnlyInItsAppendix_WithTheSensitivityLine_AndNoModelPromptCarriesIt()
    {
        using var h = Team(out var team, out _);
        h.Send(Member, Marker);
        h.Time.Advance(TimeSpan.FromHours(3));
        h.Send(Colleague, "/note 省应急厅汇报隐患排查情况");
        h.Clear();

        h.Send(Colleague, "/summary");
        h.Send(Liaison, "/summary");
        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);

        Assert.DoesNotContain(Marker, h.AllText(Colleague), StringComparison.Ordinal); // a member gets no brief at all
        Assert.DoesNotContain(h.Messages(Colleague), m => m.FileName is not null);
        var text = h.AllText(Liaison);
        Assert.Contains("内部资料", text, StringComparison.Ordinal); // the sensitivity line, though no finding or item of the day is covert
        var markdown = Encoding.UTF8.GetString(h.Messages(Liaison).Single(m => m.FileName?.EndsWith(".md", StringComparison.Ordinal) == true).FileContent!);
        Assert.Contains("（笔记，李明，暗访）" + Marker, markdown, StringComparison.Ordinal); // the appendix, marked
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(markdown, Marker)); // in the appendix only, not in the narrative
        var docx = h.Messages(Liaison).Single(m => m.FileName?.EndsWith(".docx", StringComparison.Ordinal) == true);
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx.FileContent!), false))
        {
            Assert.Contains("内部资料", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        var facts = h.Get<FactsBuilder>().Day(team, new DateOnly(2023, 11, 2));
        var job = BriefKinds.Daily.Job(facts, Core.Localization.TextCatalog.Default.Chinese);
        Assert.Contains(job.Parts.SelectMany(p => p.Notes), n => n.Text.Contains("隐患排查", StringComparison.Ordinal));
        Assert.DoesNotContain(job.Parts.SelectMany(p => p.Notes), n => n.Text.Contains(Marker, StringComparison.Ordinal));
        Assert.DoesNotContain(Marker, job.Facts, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFeedback_LeavesACovertHighlightOut_AndSaysSo()
    {
        using var h = Team(out var team, out _);
        h.Send(Member, "加油站建立了钢瓶追溯制度");
        h.Press(Member, "工作亮点");

        var visit = h.Get<FactsBuilder>().Visit(team, new DateOnly(2023, 11, 2));
        var document = OfflineBriefWriter.Feedback(visit, Core.Localization.TextCatalog.Default.Chinese);

        Assert.Empty(visit.Highlights);
        Assert.Equal(1, visit.CovertHighlights);
        Assert.Contains(document.Hints, hint => hint.Contains("暗访", StringComparison.Ordinal));
        Assert.DoesNotContain(BriefKinds.Feedback.Job(visit, Core.Localization.TextCatalog.Default.Chinese).Parts.SelectMany(p => p.Notes), n => n.Text.Contains("追溯", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACovertVoiceNote_IsNeverSentToTheTranscriptionServer_AndStaysAVoiceNote()
    {
        await using var whisper = await FakeTranscriptionServer.StartAsync();
        var files = new MemoryFileSource();
        using var h = Team(out var team, out _, Transcription(whisper), b => b.Services.AddSingleton<IFileSource>(files));

        SendVoice(h, files, Member, "voice-covert");
        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);

        var note = Assert.Single(h.Get<NoteStore>().OfTeam(team.Id));
        Assert.True(note.Covert);
        Assert.Equal("voice-covert", note.VoiceFileId);
        Assert.False(note.Transcribed);
        var reply = h.LastText(Member);
        Assert.Contains("不送转写", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("正在转写", reply, StringComparison.Ordinal);
        Assert.Empty(whisper.Requests);
        Assert.Equal(0, h.Get<JobStore>().Count());

        // The open path still transcribes: a colleague not on the visit, at the same time.
        SendVoice(h, files, Colleague, "voice-open");
        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);

        Assert.Single(whisper.Requests);
        Assert.True(h.Get<NoteStore>().OfTeam(team.Id).Single(n => n.AuthorId == Colleague).Transcribed);
        Assert.Contains("语音已转写", h.LastText(Colleague), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVoiceNoteMarkedCovertBeforeItsTranscriptionRuns_IsNotSent_AndItsAuthorIsToldInOneLine()
    {
        await using var whisper = await FakeTranscriptionServer.StartAsync();
        var files = new MemoryFileSource();
        using var h = Team(out var team, out _, Transcription(whisper), b => b.Services.AddSingleton<IFileSource>(files));
        h.Time.Advance(TimeSpan.FromHours(3)); // after the covert visit: the note is saved open

        SendVoice(h, files, Member, "voice-later-covert", language: "en");
        Assert.Contains("Transcribing", h.LastText(Member), StringComparison.Ordinal);
        h.Press(Member, "Mark covert");
        h.Clear();
        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);

        Assert.Empty(whisper.Requests);
        var note = Assert.Single(h.Get<NoteStore>().OfTeam(team.Id));
        Assert.True(note.Covert);
        Assert.Equal("voice-later-covert", note.VoiceFileId);
        Assert.False(note.Transcribed);
        var line = Assert.Single(h.Messages(Member));
        Assert.Equal("🔒 A voice note on a covert visit is kept as audio and not transcribed; type its text if you need it.", Core.Messaging.Html.ToPlainText(line.Html));
        Assert.Equal(0, h.Get<JobStore>().Count());
    }

    [Fact]
    public async Task AVoiceNoteMarkedCovertWhileItsAudioIsDownloaded_IsNotSent()
    {
        await using var whisper = await FakeTranscriptionServer.StartAsync();
        var files = new MarkingFileSource();
        using var h = Team(out var team, out _, Transcription(whisper), b => b.Services.AddSingleton<IFileSource>(files));
        h.Time.Advance(TimeSpan.FromHours(3));
        SendVoice(h, files.Inner, Member, "voice-marked-meanwhile");
        h.Clear();
        files.WhileDownloading = () => h.Get<AssistantDatabase>().InTransaction(() =>
        {
            var note = h.Get<NoteStore>().OfTeam(team.Id).Single();
            note.Covert = true; // as the author's button does
            h.Get<NoteStore>().Update(note);
        });

        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);

        Assert.Equal(1, files.Downloads);
        Assert.Empty(whisper.Requests);
        Assert.False(Assert.Single(h.Get<NoteStore>().OfTeam(team.Id)).Transcribed);
        Assert.Contains("不送转写", Assert.Single(h.Messages(Member)).Html, StringComparison.Ordinal);
    }

    /// <summary>Files from memory, doing something while one is downloaded (as the author pressing a button meanwhile).</summary>
    private sealed class MarkingFileSource : IFileSource
    {
        public MemoryFileSource Inner { get; } = new();

        public Action? WhileDownloading { get; set; }

        public int Downloads { get; private set; }

        public Task<FileFetch> DownloadAsync(string fileId, Stream destination, CancellationToken cancellationToken)
        {
            Downloads++;
            WhileDownloading?.Invoke();
            return Inner.DownloadAsync(fileId, destination, cancellationToken);
        }
    }

    private static Dictionary<string, string?> Transcription(FakeTranscriptionServer whisper) => new()
    {
        ["AI:TranscriptionEndpoint"] = whisper.BaseUrl.ToString(),
        ["AI:TranscriptionTimeoutSeconds"] = "10",
    };

    private static void SendVoice(CoreHarness h, MemoryFileSource files, long user, string fileId, string? language = null)
    {
        var audio = new byte[1256];
        "OggS"u8.CopyTo(audio);
        files.Files[fileId] = audio;
        if (language is not null)
        {
            h.Send(user, "/lang " + language);
        }

        h.Dispatch(CoreHarness.Text(user, "") with { Text = null, Files = [new IncomingFile(FileKind.Voice, fileId, null, "audio/ogg", audio.Length, 4)] });
    }
}
