using Assistant.Core.Localization;
using Assistant.Tests.Fakes;
using Xunit.Abstractions;

namespace Assistant.Tests.Summaries.Corpus;

/// <summary>
/// The guard rails measured on the corpus of model answers (<c>Corpus/answers</c>): at least 95 % of the faithful
/// answers accepted whole, every unfaithful one rejected where its error is. Prints the table:
/// <c>dotnet test --filter Category=Corpus --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait("Category", "Corpus")]
public sealed class NarrativeCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Corpus_HasAtLeastFortyAnswers_HalfFaithful_EveryKindOfErrorTwice()
    {
        var answers = NarrativeCorpus.Load();

        Assert.True(answers.Count >= 40, $"{answers.Count} answers");
        Assert.Equal(answers.Count(a => a.Faithful), answers.Count(a => !a.Faithful));
        string[] kinds =
        [
            "invented-unit", "invented-place", "invented-person", "invented-number", "invented-date", "item-left-out",
            "covert-name", "tipster-identity", "instruction-obeyed", "section-missing", "section-reordered",
        ];
        Assert.All(kinds, kind => Assert.True(answers.Count(a => a.Error == kind) >= 2, kind));
        Assert.All(answers.Where(a => !a.Faithful), a => Assert.True(a.Check is not null && a.Slot is not null && kinds.Contains(a.Error), a.Name));
        Assert.True(answers.Select(a => a.Style).Distinct().Count() >= 5);
    }

    [Fact]
    public void Corpus_FaithfulAccepted_AtLeast95Percent_UnfaithfulRejected_All()
    {
        var results = NarrativeCorpus.Load().Select(NarrativeCorpus.Run).ToList();
        output.WriteLine(NarrativeCorpus.Table(results));

        var faithful = results.Where(r => r.Answer.Faithful).ToList();
        Assert.True(faithful.Count(r => r.Accepted) >= 0.95 * faithful.Count,
            "falsely rejected: " + string.Join(", ", faithful.Where(r => !r.Accepted).Select(r => r.Answer.Name)));
        var missed = results.Where(r => !r.Answer.Faithful && !r.ErrorRejected).Select(r => r.Answer.Name).ToList();
        Assert.True(missed.Count == 0, "falsely accepted: " + string.Join(", ", missed));
    }

    [Fact]
    public void Corpus_EachUnfaithfulAnswer_IsRejectedByTheCheckMeantForItsError()
    {
        var wrong = NarrativeCorpus.Load().Where(a => !a.Faithful).Select(NarrativeCorpus.Run).Where(r => !r.RightReason).Select(r => r.Answer.Name).ToList();

        Assert.True(wrong.Count == 0, "rejected for another reason: " + string.Join(", ", wrong));
    }

    public static TheoryData<string> Samples => ["gas-02", "gas-07", "mine-11", "chem-04", "visit-05", "visit-09"];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task ThroughTheWriter_AnAnswerServedByAModelServer_IsTakenAsMeasured(string name)
    {
        var answer = NarrativeCorpus.Load().Single(a => a.Name == name);
        var measured = NarrativeCorpus.Run(answer);
        var t = TextCatalog.Default.Chinese;
        await using var server = await FakeModelServer.StartAsync(ModelServerFamily.Ollama);
        using var harness = ModelHarness.Create(server.BaseUrl);
        server.Reply(_ => answer.Text);

        var job = CorpusDays.Job(answer.Document, t);
        var written = await harness.Narratives.WriteAsync(job, t, null, CancellationToken.None);

        Assert.Single(server.Requests);
        Assert.Equal(measured.Parts.Where(p => p.Paragraphs is not null).Select(p => p.Slot).Order(), written.Written.Keys.Order());
        Assert.Equal(measured.Parts.Where(p => p.Paragraphs is null).Select(p => p.Slot).Order(), written.NotWritten.Keys.Order());
        // What reaches the document carries the covert unit's real name back, never its placeholder.
        Assert.All(written.Written.Values.SelectMany(p => p), p => Assert.DoesNotContain("暗访单位", p, StringComparison.Ordinal));
    }
}
