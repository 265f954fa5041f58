using Assistant.Core.Conversations;

namespace Assistant.Core.Plan;

/// <summary>What the plan flow has collected: the action, then its document, summary, date or interval.</summary>
public sealed class PlanDraft
{
    public PlanAction Action { get; set; }

    public PlanDocument? Document { get; set; }

    public string? Summary { get; set; }

    public DateOnly? Date { get; set; }

    public int? Months { get; set; }
}

/// <summary>
/// One change to the plan: the plan received (its document), a progress report (its document, then a summary), the due
/// date or the look-back date (a date not in the past), or the interval (months). Saving checks the role and the plan's
/// state again, so a draft left open while roles changed saves nothing it may not.
/// </summary>
public sealed class PlanFlow : FormFlow<PlanDraft>
{
    public const string FlowName = "plan";

    /// <summary>The document types a plan or a report may come as.</summary>
    public static readonly string[] DocumentTypes = [".pdf", ".doc", ".docx", ".wps", ".ofd", ".xls", ".xlsx", ".odt", ".rtf", ".txt"];

    private static readonly int[] Intervals = [1, 2, 3, 6];

    private readonly PlanService _plans;

    public PlanFlow(PlanService plans)
        : base(FlowName, "flow.plan")
    {
        _plans = plans;
        Document = new("Document")
        {
            TakesFiles = true,
            Ask = (turn, _) => new(turn.Context.T["plan.ask.document"]),
            Read = (turn, d) => ReadDocument(turn, d),
        };
        Summary = new("Summary")
        {
            Ask = (turn, _) => new(turn.Context.T["plan.ask.summary"]),
            Read = (turn, d) => string.IsNullOrWhiteSpace(turn.Input.Text) ? StepResult.Again(turn.Context.T["plan.summary_missing"])
                : Answers.Text(turn, PlanService.MaxSummary, v => d.Summary = v) is var r && r == StepResult.Answered ? StepResult.Fire(FlowTrigger.Save) : r,
        };
        Date = new("Date")
        {
            Ask = (turn, d) => new(turn.Context.T[d.Action == PlanAction.Due ? "plan.ask.due" : "plan.ask.lookback"]),
            Read = (turn, d) => ReadDate(turn, d),
        };
        Interval = new("Interval")
        {
            Ask = (turn, _) => new(turn.Context.T["plan.ask.interval"], [IntervalChoices(turn.Context.T)]),
            Read = (turn, d) => Answers.Pick(turn, IntervalChoices(turn.Context.T), v => d.Months = int.Parse(v, System.Globalization.CultureInfo.InvariantCulture))
                is var r && r == StepResult.Answered ? StepResult.Fire(FlowTrigger.Save) : r,
        };
        Saved = FormStep.End<PlanDraft>("Saved", "change the plan (role and state checked again)", Save);
        Cancelled = FormStep.Cancelled<PlanDraft>("nothing changed", "plan.cancelled");
    }

    private FormStep<PlanDraft> Document { get; }

    private FormStep<PlanDraft> Summary { get; }

    private FormStep<PlanDraft> Date { get; }

    private FormStep<PlanDraft> Interval { get; }

    private FormStep<PlanDraft> Saved { get; }

    private FormStep<PlanDraft> Cancelled { get; }

    protected override IReadOnlyList<FormStep<PlanDraft>> Steps => [Document, Summary, Date, Interval, Saved, Cancelled];

    protected override FormStep<PlanDraft> FirstStep(PlanDraft data) => data.Action switch
    {
        PlanAction.Received or PlanAction.Report => Document,
        PlanAction.Interval => Interval,
        _ => Date,
    };

    protected override void Configure(FormMachine<PlanDraft> machine)
    {
        machine.Configure(Document).Permit(FlowTrigger.Answered, Summary).Permit(FlowTrigger.Save, Saved);
        machine.Configure(Summary).Permit(FlowTrigger.Save, Saved);
        machine.Configure(Date).Permit(FlowTrigger.Save, Saved);
        machine.Configure(Interval).Permit(FlowTrigger.Save, Saved);
        machine.End(Saved, FlowTrigger.Save);
        machine.CancelFromEveryStep(Steps, Cancelled);
    }

    /// <summary>Whether a file is a document the plan takes (not a photo, not a voice note): by kind and by name.</summary>
    public static bool IsDocument(IncomingFile file) =>
        file.Kind == FileKind.Document && DocumentTypes.Any(x => (file.FileName ?? "").EndsWith(x, StringComparison.OrdinalIgnoreCase));

    private static List<Choice> IntervalChoices(Texts t) =>
        [.. Intervals.Select(m => new Choice(t.Format("plan.months", m), m.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    private static StepResult ReadDocument(FlowTurn turn, PlanDraft d)
    {
        var t = turn.Context.T;
        if (turn.Input.Files.Count == 0)
        {
            return StepResult.Again(t["plan.document_missing"]);
        }

        var file = turn.Input.Files[0];
        if (!IsDocument(file))
        {
            return StepResult.Again(t.Format("plan.not_document", string.Join(" ", DocumentTypes)));
        }

        d.Document = new PlanDocument { FileId = file.FileId, FileName = file.FileName ?? "" };
        return d.Action == PlanAction.Report ? StepResult.Answered : StepResult.Fire(FlowTrigger.Save);
    }

    private static StepResult ReadDate(FlowTurn turn, PlanDraft d)
    {
        var t = turn.Context.T;
        var typed = turn.Input.Text?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return StepResult.Unexpected;
        }

        var parsed = DateInput.Parse(typed, turn.Context.Today, turn.Context.DateOptions(DateQuestion.LookUp));
        if (parsed.Error != DateInputError.None)
        {
            return StepResult.Again(t.Format("plan.bad_date", typed));
        }

        if (parsed.Date < turn.Context.Today)
        {
            return StepResult.Again(t.Format("plan.past_date", new SafeHtml(DateText.Full(t, parsed.Date))));
        }

        d.Date = parsed.Date;
        return StepResult.Fire(FlowTrigger.Save);
    }

    private void Save(FlowTurn turn, PlanDraft d)
    {
        var context = turn.Context;
        var t = context.T;
        if (context.Member is not { } member || _plans.ForTeam(member.TeamId) is not { } plan || !_plans.InTeam(member, plan))
        {
            turn.Say(t["plan.none"]);
            return;
        }

        if (!PlanService.May(member, d.Action) || !PlanService.Applies(plan, d.Action))
        {
            turn.Say(t["plan.not_now"]);
            return;
        }

        switch (d.Action)
        {
            case PlanAction.Received:
                _plans.RecordReceived(plan, context.Today, d.Document!, context.UtcNow);
                break;
            case PlanAction.Report:
                _plans.RecordReport(plan, new PlanReport { ReceivedOn = context.Today, Document = d.Document!, Summary = d.Summary!, RecordedBy = member.Id }, context.UtcNow);
                break;
            case PlanAction.Due:
                _plans.SetDue(plan, d.Date!.Value, context.UtcNow);
                break;
            case PlanAction.Interval:
                _plans.SetInterval(plan, d.Months!.Value, context.UtcNow);
                break;
            default:
                _plans.SetLookBack(plan, d.Date!.Value, context.UtcNow);
                break;
        }

        context.Reply(t["plan.saved"] + "\n\n" + PlanCard.Text(t, plan, context.Today), PlanCard.Buttons(t, plan, member));
    }
}
