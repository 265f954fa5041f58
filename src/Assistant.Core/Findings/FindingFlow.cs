using Assistant.Core.Conversations;
using Assistant.Core.Findings.Duplicates;
using Assistant.Core.Findings.Suggestions;
using Assistant.Core.Jobs;
using Assistant.Core.Teams;
using Step = Assistant.Core.Conversations.FormStep<Assistant.Core.Findings.FindingDraft>;

namespace Assistant.Core.Findings;

/// <summary>
/// The guided conversation that records a finding (or edits a saved one): the required questions of
/// <see cref="FindingQuestions"/> not answered yet, in order (the sector's own name for "other", the rule broken
/// for a major hazard), then the card to edit any field, add the optional ones (place, evidence, rectification
/// details), save or cancel. A draft filled from one message or "same as last time" skips what it holds. Photos
/// and documents are kept as evidence at any step, a shared location at any step.
/// </summary>
public sealed class FindingFlow : FormFlow<FindingDraft>
{
    public const string FlowName = "finding";

    private readonly FindingService _findings;
    private readonly FindingStore _store;
    private readonly IReadOnlyList<IFindingCreatedHandler> _created;
    private readonly EvidenceDownloads _downloads;
    private readonly DuplicateOffer _duplicates;
    private readonly FindingQuestions _q;
    private readonly RuleSuggester _rules;
    private readonly IFindingSuggester _suggester;
    private readonly JobStore _jobs;

    public FindingFlow(FindingService findings, FindingStore store, IEnumerable<IFindingCreatedHandler> created, EvidenceDownloads downloads, DuplicateOffer duplicates,
        RuleSuggester rules, IFindingSuggester suggester, JobStore jobs)
        : base(FlowName, "flow.finding")
    {
        _rules = rules;
        _suggester = suggester;
        _jobs = jobs;
        _findings = findings;
        _store = store;
        _created = [.. created];
        _downloads = downloads;
        _duplicates = duplicates;
        _q = new FindingQuestions(store, duplicates, IsComplete);
        Saved = FormStep.End<FindingDraft>("Saved", "create or update the finding", SaveFinding);
        AddedToDuplicate = FormStep.End<FindingDraft>("AddedToDuplicate", "saved as further evidence of the finding it repeats", AddToDuplicate);
        Cancelled = FormStep.End<FindingDraft>("Cancelled", "nothing saved",
            (turn, d) => turn.Say(turn.Context.T[d.EditingFindingId is null ? "finding.cancelled" : "finding.edit_cancelled"]));
    }

    private Step Saved { get; }

    private Step AddedToDuplicate { get; }

    private Step Cancelled { get; }

    protected override IReadOnlyList<Step> Steps => [.. _q.All, Saved, AddedToDuplicate, Cancelled];

    protected override bool KeepsEvidenceAtEveryStep => true;

    /// <summary>The finding being edited, or what a new one has so far: sector, city, unit, the start of the description.</summary>
    public override string Describe(FlowTurn turn)
    {
        var d = turn.Data<FindingDraft>();
        var t = turn.Context.T;
        var parts = new List<string>();
        if (d.EditingFindingId is { } id && _store.Get(id) is { } editing)
        {
            parts.Add(Html.Bold(editing.Code));
        }

        if (d.Sector is { } sector)
        {
            parts.Add(Html.Escape(SectorNames.Label(t, sector, d.SectorOther)));
        }

        parts.AddRange(new[] { d.City, d.Unit }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(Html.Escape));
        if (d.Description.Length > 0)
        {
            parts.Add("“" + Html.Escape(TextPreview.Shorten(d.Description, 20)) + "”");
        }

        return string.Join(" · ", parts);
    }

    /// <summary>A tipster's identity never enters the draft: every text is scrubbed as the input arrives (not when the draft is loaded).</summary>
    protected override void Accept(FlowTurn turn, FindingDraft data) => data.ScrubIdentities();

    /// <summary>An edit starts at the card; a new finding at its first unanswered question (the card when a message filled them all).</summary>
    protected override Step FirstStep(FindingDraft data) => data.EditingFindingId is null ? _q.FirstMissing(data) ?? _q.Review : _q.Review;

    /// <summary>A location shared at any question is the finding's place; the question comes again.</summary>
    protected override StepResult? KeepLocation(FlowTurn turn, FindingDraft data, Step step)
    {
        data.Latitude = turn.Input.Location!.Latitude;
        data.Longitude = turn.Input.Location.Longitude;
        return StepResult.Again(turn.Context.T[step == _q.City ? "finding.location_kept_city" : "finding.location_kept"]);
    }

    /// <summary>
    /// A description typed where a button was asked for, before the description question (the member starts with what
    /// they saw, as in one message): kept as the description, with what the keyword rules suggest from it, instead of
    /// being refused and lost. The flow goes on to the next question still open. With a model configured, its
    /// suggestions follow as for one message (<see cref="SuggestionRefinement"/>), while the member has not answered
    /// the question this turn asks.
    /// </summary>
    protected override StepResult? KeepText(FlowTurn turn, FindingDraft data, Step step, string text)
    {
        if (data.EditingFindingId is not null || data.Description.Length > 0 || step == _q.Description
            || text.StartsWith('/') || text.Length > FindingQuestions.MaxDescription || text.Count(char.IsLetter) < MinKeptDescription)
        {
            return null;
        }

        var suggestion = _rules.Suggest(text);
        FindingFromMessage.Fill(data, suggestion);
        turn.Say(turn.Context.T["finding.description_kept"]);
        if (SuggestionRefinement.Follows(_suggester, suggestion))
        {
            // Every turn asks one question: the one after this answer is step + 1.
            SuggestionRefinement.Queue(_jobs, turn.Draft, suggestion.Description, turn.Context.UtcNow, turn.Draft.Step + 1);
        }

        return step.IsAnswered is { } answered && answered(data) ? StepResult.Answered : StepResult.Stay;
    }

    /// <summary>Typed text with fewer letters (CJK or Latin) is taken for a mistyped label, not a description.</summary>
    private const int MinKeptDescription = 5;

    protected override void Configure(FormMachine<FindingDraft> machine)
    {
        var m = machine;
        var q = _q;
        m.Review(q.Review, q.EditTargets, Saved, Cancelled)
            .Permit(FindingQuestions.AddToDuplicate, AddedToDuplicate);
        m.End(AddedToDuplicate, FindingQuestions.AddToDuplicate);
        foreach (var question in q.Questions)
        {
            m.Configure(question).PermitDynamic(FlowTrigger.Answered, () => q.After(question, m.Data), "the next question", Destinations(question));
        }

        m.Configure(q.Extras)
            .Permit(FlowTrigger.Answered, q.Review)
            .Permit(FindingQuestions.ChooseResponsibleUnit, q.ResponsibleUnit)
            .Permit(FindingQuestions.ChooseResponsiblePerson, q.ResponsiblePerson)
            .Permit(FindingQuestions.ChooseDeadline, q.Deadline)
            .Permit(FindingQuestions.ChooseHandOver, q.HandOver)
            .InternalTransition(FindingQuestions.ToggleFixedOnSpot, () => m.Data.FixedOnSpot = !m.Data.FixedOnSpot);
        foreach (var detail in new[] { q.ResponsibleUnit, q.ResponsiblePerson, q.Deadline, q.HandOver })
        {
            m.Configure(detail).Permit(FlowTrigger.Answered, q.Extras);
        }

        m.Configure(q.Deadline).Permit(FlowTrigger.FarDeadline, q.ConfirmDeadline);
        m.Configure(q.ConfirmDeadline)
            .Permit(FlowTrigger.Answered, q.Extras)
            .Permit(FlowTrigger.ChangeDeadline, q.Deadline)
            .PermitReentry(FlowTrigger.FarDeadline);
    }

    /// <summary>For the diagram: where an answer to <paramref name="question"/> may lead (<see cref="FindingQuestions.After"/>).</summary>
    private Stateless.Reflection.DynamicStateInfos Destinations(Step question)
    {
        var q = _q;
        var infos = new Stateless.Reflection.DynamicStateInfos();
        if (question == q.Sector)
        {
            infos.Add(q.SectorOther.Name, "other sector: its name");
        }

        if (question == q.Severity)
        {
            infos.Add(q.Basis.Name, "major hazard: ask the basis");
        }

        var anchor = question == q.SectorOther ? q.Sector : question == q.Basis ? q.Severity : question;
        foreach (var later in q.RequiredInOrder.SkipWhile(r => r != anchor).Skip(1))
        {
            infos.Add(later.Name, "first required unanswered");
        }

        infos.Add(q.Review.Name, "every required answer known");
        return infos;
    }

    private void SaveFinding(FlowTurn turn, FindingDraft d)
    {
        var context = turn.Context;
        var t = context.T;
        var member = context.Member;
        var team = context.Team;
        if (member is null || team is null || !context.Can(Permission.LogFindings))
        {
            turn.Say(t["finding.not_allowed"]);
            return;
        }

        d.Offered.Clear();
        if (d.EditingFindingId is { } id)
        {
            var (updated, changed) = _findings.Update(id, d.EditingRevision, member, d, context.UtcNow);
            if (updated is null)
            {
                turn.Say(t["finding.edit_conflict"]);
                return;
            }

            _downloads.Queue(updated, context.UtcNow);
            turn.Say(t.Format("finding.updated", updated.Code, changed));
            return;
        }

        var finding = _findings.Create(team, member, d, context.Today, context.UtcNow);
        foreach (var handler in _created)
        {
            handler.Created(d, member, finding);
        }

        _downloads.Queue(finding, context.UtcNow);
        context.Reply(t.Format("finding.saved", finding.Code) + "\n\n" + FindingCard.Render(t, finding), FindingCard.Buttons(t, finding, member));
    }

    /// <summary>Every required question answered: what Save checks, and what a draft needs to be added to another finding.</summary>
    private bool IsComplete(FindingDraft d) => Missing(d).Count == 0;

    private void AddToDuplicate(FlowTurn turn, FindingDraft d)
    {
        var context = turn.Context;
        var t = context.T;
        if (context.Member is not { } member || context.Team is not { } team || !context.Can(Permission.LogFindings))
        {
            turn.Say(t["finding.not_allowed"]);
            return;
        }

        d.Offered.Clear();
        switch (_duplicates.Accept(team, member, d, IsComplete(d), turn.Input.Choice, context.Today, context.UtcNow))
        {
            case MergeOutcome.Merged merged:
                foreach (var handler in _created)
                {
                    handler.Created(d, member, merged.Source);
                }

                _downloads.Queue(merged.Target, context.UtcNow);
                context.Reply(t.Format("duplicates.added", merged.Target.Code, merged.Source.Code) + "\n\n" + FindingCard.Render(t, merged.Target),
                    FindingCard.Buttons(t, merged.Target, member));
                return;
            default:
                // The finding changed or may no longer take it: save this one as a finding of its own, nothing lost.
                SaveFinding(turn, d);
                return;
        }
    }
}
