using Assistant.Core.Conversations;
using Assistant.Core.Findings;
using Assistant.Core.Findings.Duplicates;
using Step = Assistant.Core.Conversations.FormStep<Assistant.Core.Leads.LeadDraft>;

namespace Assistant.Core.Leads;

/// <summary>What the lead flow has collected: the lead and the step, then the answer, documents, result, date or finding.</summary>
public sealed class LeadDraft
{
    public int LeadId { get; set; }

    public LeadAction Action { get; set; }

    public string? Answer { get; set; }

    public List<LeadDocument> Documents { get; set; } = [];

    public LeadResult? Result { get; set; }

    public DateOnly? Date { get; set; }

    public string? FindingCode { get; set; }

    /// <summary>Why a closed lead is opened again.</summary>
    public string? Reason { get; set; }
}

/// <summary>
/// One step of a lead's life: the answer received (documents, then its text or none) and the result; a new due date
/// (not in the past); a finding it produced (one of the team's the member may see; a merged one links the finding it
/// went into); closing with the final result; reopening a closed lead with a reason. Typed text that identifies a
/// person is refused, as in a tip. Saving checks the lead, the member's role and the lead's state again, so a draft
/// left open while roles changed saves nothing it may not.
/// </summary>
public sealed class LeadFlow : FormFlow<LeadDraft>
{
    public const string FlowName = "lead";

    private readonly LeadService _leads;
    private readonly FindingStore _findings;
    private readonly FindingMerger _merger;

    public LeadFlow(LeadService leads, FindingStore findings, FindingMerger merger)
        : base(FlowName, "flow.lead")
    {
        _leads = leads;
        _findings = findings;
        _merger = merger;
        Answer = new("Answer")
        {
            TakesFiles = true,
            Shown = (turn, d) => d.Answer ?? (d.Documents.Count > 0 ? string.Join(turn.Context.T["list.separator"], d.Documents.Select(x => x.FileName)) : null),
            Ask = AskAnswer,
            Read = ReadAnswer,
        };
        Result = new("Result")
        {
            Shown = (turn, d) => d.Result is { } result ? turn.Context.T[LeadCard.ResultKey(result)] : null,
            Ask = (turn, d) => new(turn.Context.T[d.Action == LeadAction.Close ? "leads.ask.close_result" : "leads.ask.result"], ResultChoices(turn.Context.T, d).Select(c => new[] { c })),
            Read = (turn, d) => Answers.Pick(turn, ResultChoices(turn.Context.T, d), v => d.Result = Enum.Parse<LeadResult>(v)) is var r && r == StepResult.Answered
                ? StepResult.Fire(FlowTrigger.Save) : r,
        };
        Date = new("Date")
        {
            Shown = (turn, d) => d.Date is { } date ? DateText.Short(turn.Context.T, date, turn.Context.Today) : null,
            Ask = (turn, _) => new(turn.Context.T["leads.ask.due"]),
            Read = ReadDate,
        };
        Finding = new("Finding")
        {
            Shown = (_, d) => d.FindingCode,
            Ask = (turn, _) => new(turn.Context.T["leads.ask.finding"]),
            Read = ReadFinding,
        };
        Reason = new("Reason")
        {
            Shown = (_, d) => d.Reason,
            Ask = (turn, _) => new(turn.Context.T["leads.ask.reopen_reason"]),
            Read = (turn, d) => Answers.TextWithoutIdentity(turn, LeadService.MaxReason, v => d.Reason = v) is var r && r == StepResult.Answered ? StepResult.Fire(FlowTrigger.Save) : r,
        };
        Saved = FormStep.End<LeadDraft>("Saved", "change the lead (lead, role and state checked again)", Save);
        Cancelled = FormStep.Cancelled<LeadDraft>("nothing changed", "leads.cancelled");
    }

    private Step Answer { get; }

    private Step Result { get; }

    private Step Date { get; }

    private Step Finding { get; }

    private Step Reason { get; }

    private Step Saved { get; }

    private Step Cancelled { get; }

    protected override IReadOnlyList<Step> Steps => [Answer, Result, Date, Finding, Reason, Saved, Cancelled];

    protected override Step FirstStep(LeadDraft data) => data.Action switch
    {
        LeadAction.Answer => Answer,
        LeadAction.Due => Date,
        LeadAction.Link => Finding,
        LeadAction.Reopen => Reason,
        _ => Result,
    };

    protected override void Configure(FormMachine<LeadDraft> machine)
    {
        machine.Configure(Answer).Permit(FlowTrigger.Answered, Result);
        machine.Configure(Result).Permit(FlowTrigger.Save, Saved);
        machine.Configure(Date).Permit(FlowTrigger.Save, Saved);
        machine.Configure(Finding).Permit(FlowTrigger.Save, Saved);
        machine.Configure(Reason).Permit(FlowTrigger.Save, Saved);
        machine.End(Saved, FlowTrigger.Save);
        machine.CancelFromEveryStep(Steps, Cancelled);
    }

    /// <summary>The results a step offers: all four with an answer, the three final ones to close.</summary>
    private static List<Choice> ResultChoices(Texts t, LeadDraft d) =>
        [.. Enum.GetValues<LeadResult>().Where(r => d.Action != LeadAction.Close || r != LeadResult.UnderInvestigation)
            .Select(r => new Choice(t[LeadCard.ResultKey(r)], r.ToString()))];

    private static Question AskAnswer(FlowTurn turn, LeadDraft d)
    {
        var t = turn.Context.T;
        return d.Documents.Count == 0
            ? new(t["leads.ask.answer"])
            : new(t.Format("leads.ask.answer_more", string.Join(t["list.separator"], d.Documents.Select(x => x.FileName))), [[new Choice(t["leads.answer_no_text"], "done")]]);
    }

    /// <summary>Documents are kept (the question again, with what it holds); text is the answer; "done" goes on with the documents alone.</summary>
    private static StepResult ReadAnswer(FlowTurn turn, LeadDraft d)
    {
        var t = turn.Context.T;
        if (turn.Input.Files.Count > 0)
        {
            foreach (var file in turn.Input.Files)
            {
                if (d.Documents.Count >= LeadService.MaxDocuments)
                {
                    return StepResult.Again(t.Format("leads.too_many_documents", LeadService.MaxDocuments));
                }

                d.Documents.Add(new LeadDocument { FileId = file.FileId, FileName = IdentityScrubber.ScrubOrNull(file.FileName) ?? t["leads.file." + (file.Kind == FileKind.Photo ? "photo" : "other")] });
            }

            if (!string.IsNullOrWhiteSpace(turn.Input.Text))
            {
                return Answers.TextWithoutIdentity(turn, LeadService.MaxAnswer, v => d.Answer = v);
            }

            return StepResult.Stay;
        }

        if (turn.Input.Choice == "done")
        {
            return d.Documents.Count > 0 ? StepResult.Answered : StepResult.Again(t["leads.answer_missing"]);
        }

        return Answers.TextWithoutIdentity(turn, LeadService.MaxAnswer, v => d.Answer = v);
    }

    private static StepResult ReadDate(FlowTurn turn, LeadDraft d)
    {
        var context = turn.Context;
        var typed = turn.Input.Text?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return StepResult.Unexpected;
        }

        var read = DateInput.Parse(typed, context.Today, context.DateOptions(DateQuestion.Deadline));
        if (read.Error == DateInputError.InPast)
        {
            return StepResult.Again(context.T.Format("leads.past_date", new SafeHtml(DateText.Full(context.T, read.Date))));
        }

        if (DateText.Problem(context.T, read, typed, context.Today) is { } problem)
        {
            return StepResult.Again(problem);
        }

        d.Date = read.Date;
        return StepResult.Fire(FlowTrigger.Save);
    }

    private StepResult ReadFinding(FlowTurn turn, LeadDraft d)
    {
        var typed = turn.Input.Text?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return StepResult.Unexpected;
        }

        if (turn.Context.Member is not { } member || typed.Length > 40 || _findings.GetByCode(typed) is not { } finding
            || finding.TeamId != member.TeamId || !FindingVisibility.CanSee(member, finding))
        {
            return StepResult.Again(turn.Context.T.Format("leads.unknown_finding", typed.Length > 40 ? typed[..40] : typed));
        }

        d.FindingCode = _merger.Resolve(finding).Code;
        return StepResult.Fire(FlowTrigger.Save);
    }

    private void Save(FlowTurn turn, LeadDraft d)
    {
        var context = turn.Context;
        var t = context.T;
        if (context.Member is not { } member || _leads.Visible(member, d.LeadId) is not { } lead)
        {
            turn.Say(t["leads.not_found"]);
            return;
        }

        if (!LeadService.May(member, lead, d.Action) || !LeadService.Applies(lead, d.Action))
        {
            turn.Say(t[LeadService.NotNowKey(d.Action)]);
            return;
        }

        switch (d.Action)
        {
            case LeadAction.Answer:
                _leads.RecordAnswer(lead, member, d.Answer, d.Documents, d.Result ?? LeadResult.UnderInvestigation, context.UtcNow);
                break;
            case LeadAction.Due:
                _leads.SetDue(lead, member, d.Date!.Value, context.UtcNow);
                break;
            case LeadAction.Link:
                _leads.Link(lead, member, d.FindingCode!, context.UtcNow);
                break;
            case LeadAction.Reopen:
                _leads.Reopen(lead, member, d.Reason ?? "", context.Zone, context.UtcNow);
                break;
            default:
                _leads.Close(lead, member, d.Result ?? LeadResult.UnderInvestigation, context.UtcNow);
                break;
        }

        context.Reply(t["leads.saved"] + "\n\n" + LeadCard.Full(t, lead, context.Today), LeadCard.Buttons(t, lead, member));
    }
}
