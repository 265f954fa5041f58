using Assistant.Core.Conversations;
using Step = Assistant.Core.Conversations.FormStep<Assistant.Core.Findings.FindingDraft>;

namespace Assistant.Core.Findings;

/// <summary>
/// The questions of the finding flow, each with its text, its choices and how it reads the answer: aspect,
/// sector (a name of one's own for "other"), method, open or covert, the city and the unit (those used
/// recently offered as buttons), the place, what was found, severity (the rule broken for a major hazard),
/// evidence, the optional rectification details, and the card. <see cref="FindingFlow"/> orders them.
/// </summary>
public sealed class FindingQuestions
{
    public const int MaxDescription = 50_000;
    public const int MaxShortText = 200;
    public const int MaxBasis = 2_000;

    internal static readonly FlowTrigger ChooseResponsibleUnit = new(nameof(ChooseResponsibleUnit));
    internal static readonly FlowTrigger ChooseResponsiblePerson = new(nameof(ChooseResponsiblePerson));
    internal static readonly FlowTrigger ChooseDeadline = new(nameof(ChooseDeadline));
    internal static readonly FlowTrigger ChooseHandOver = new(nameof(ChooseHandOver));
    internal static readonly FlowTrigger ToggleFixedOnSpot = new(nameof(ToggleFixedOnSpot));

    /// <summary>On the card: add this draft as further evidence to the finding it looks like.</summary>
    internal static readonly FlowTrigger AddToDuplicate = new(nameof(AddToDuplicate));

    public FindingQuestions(FindingStore store, Duplicates.DuplicateOffer? duplicates = null, Func<FindingDraft, bool>? isComplete = null)
    {
        Aspect = new("Aspect")
        {
            Field = FieldKeys.Aspect,
            Required = true,
            IsAnswered = d => d.Aspect is not null,
            Shown = (turn, d) => d.Aspect is { } aspect ? turn.Context.T[aspect.ShortKey()] : null,
            Ask = FindingChoices.AskAspect,
            Read = FindingChoices.ReadAspect,
        };
        Sector = new("Sector")
        {
            Field = FieldKeys.Sector,
            Required = true,
            IsAnswered = d => d.Sector is { } sector && (sector != Findings.Sector.Other || !string.IsNullOrWhiteSpace(d.SectorOther)),
            Shown = (turn, d) => d.Sector is { } sector ? SectorNames.Label(turn.Context.T, sector, d.SectorOther) : null,
            Ask = (turn, d) => new(turn.Context.T["finding.ask.sector"], FindingChoices.Sectors(turn.Context.T, d.Defaults).Chunk(3)),
            Read = (turn, d) => FindingChoices.Confirm(d, FieldKeys.Sector, Answers.Pick(turn, FindingChoices.Sectors(turn.Context.T, d.Defaults), v => d.Sector = Enum.Parse<Sector>(v),
                typed => [.. ClassificationNames.Sectors(typed).Select(s => s.ToString())])),
        };
        SectorOther = new("SectorOther")
        {
            Ask = (turn, _) => new(turn.Context.T["finding.ask.sector_other"]),
            Read = (turn, d) => Answers.Text(turn, 60, v => d.SectorOther = v),
        };
        Method = new("Method")
        {
            Field = FieldKeys.Method,
            Required = true,
            IsAnswered = d => d.Method is not null,
            Shown = (turn, d) => d.Method is { } method ? turn.Context.T[method.Key()] : null,
            Ask = (turn, d) => new(turn.Context.T["finding.ask.method"], FindingChoices.Methods(turn.Context.T, d.Defaults).Chunk(3)),
            Read = (turn, d) => FindingChoices.Confirm(d, FieldKeys.Method, Answers.Pick(turn, FindingChoices.Methods(turn.Context.T, d.Defaults), v => d.Method = Enum.Parse<Method>(v))),
        };
        Openness = new("Openness")
        {
            Field = FieldKeys.Openness,
            Required = true,
            IsAnswered = d => d.Covert is not null,
            Shown = (turn, d) => d.Covert is { } covert ? turn.Context.T[covert ? "openness.covert" : "openness.open"] : null,
            Ask = (turn, _) => new(turn.Context.T["finding.ask.openness"], [FindingChoices.Openness(turn.Context.T)]),
            Read = (turn, d) => FindingChoices.Confirm(d, FieldKeys.Openness, Answers.Pick(turn, FindingChoices.Openness(turn.Context.T), v => d.Covert = v == "covert")),
        };
        City = OfferedText("City", FieldKeys.City, "finding.ask.city", 60, d => d.City, (d, v) => d.City = v, d => d.Defaults?.City, v => v.Cities, store);
        Place = new("Place")
        {
            Field = FieldKeys.Place,
            IsAnswered = d => d.Place is not null || d.Latitude is not null,
            Shown = (_, d) => d.Place,
            TakesLocation = true,
            Ask = (turn, _) => new(turn.Context.T["finding.ask.place"], [[new Choice(turn.Context.T["common.skip"], "skip")]]),
            Read = (turn, d) => FindingChoices.Confirm(d, FieldKeys.Place, ReadPlace(turn, d)),
        };
        Unit = OfferedText("Unit", FieldKeys.Unit, "finding.ask.unit", MaxShortText, d => d.Unit, (d, v) => d.Unit = v, d => d.Defaults?.Unit, v => v.Units, store);
        Description = new("Description")
        {
            Field = FieldKeys.Description,
            Required = true,
            IsAnswered = d => !string.IsNullOrWhiteSpace(d.Description),
            Shown = (_, d) => d.Description,
            Ask = AskDescription,
            Read = (turn, d) => FindingChoices.Confirm(d, FieldKeys.Description, ReadDescription(turn, d)),
        };
        Severity = new("Severity")
        {
            Field = FieldKeys.Severity,
            Required = true,
            IsAnswered = d => d.Severity is not null,
            Shown = (turn, d) => d.Severity is { } severity ? turn.Context.T[severity.Key()] : null,
            Ask = (turn, _) => new(turn.Context.T["finding.ask.severity"], FindingChoices.Severities(turn.Context.T).Select(c => new[] { c })),
            Read = (turn, d) => FindingChoices.Confirm(d, FieldKeys.Severity, Answers.Pick(turn, FindingChoices.Severities(turn.Context.T), v => d.Severity = Enum.Parse<Severity>(v))),
        };
        Basis = new("Basis")
        {
            Field = "field.basis",
            IsAnswered = d => d.Basis is not null,
            Shown = (_, d) => d.Basis,
            Ask = (turn, _) => new(turn.Context.T["finding.ask.basis"], [[new Choice(turn.Context.T["finding.basis_later"], "skip")]]),
            Read = (turn, d) => Answers.TextOrNone(turn, "skip", MaxBasis, v => d.Basis = v),
        };
        Evidence = new("Evidence")
        {
            Field = "field.evidence",
            IsAnswered = d => d.Evidence.Count > 0,
            Shown = (turn, d) => d.Evidence.Count > 0 ? EvidenceText.Summary(turn.Context.T, d.Evidence) : null,
            TakesFiles = true,
            Ask = AskEvidence,
            Read = ReadEvidence,
        };
        Extras = new("Extras")
        {
            Ask = AskExtras,
            Read = (turn, _) => turn.Input.Choice switch
            {
                "x:unit" => StepResult.Fire(ChooseResponsibleUnit),
                "x:person" => StepResult.Fire(ChooseResponsiblePerson),
                "x:deadline" => StepResult.Fire(ChooseDeadline),
                "x:fixed" => StepResult.Fire(ToggleFixedOnSpot),
                "x:handover" => StepResult.Fire(ChooseHandOver),
                "done" => StepResult.Answered,
                _ => StepResult.Unexpected,
            },
        };
        ResponsibleUnit = new("ResponsibleUnit")
        {
            Field = "field.responsible_unit",
            IsAnswered = d => d.ResponsibleUnit is not null,
            Ask = (turn, d) =>
            {
                d.Offered = ResponsibleUnits.Offer(store, turn.Context.Member, d.Unit);
                return new(turn.Context.T["finding.ask.responsible_unit"], [.. ResponsibleUnits.Buttons(d.Offered), [new Choice(turn.Context.T["common.clear"], "clear")]]);
            },
            Read = (turn, d) => ResponsibleUnits.Read(turn, d.Offered, unit => d.ResponsibleUnit = unit,
                () => Answers.TextOrNone(turn, "clear", MaxShortText, v => d.ResponsibleUnit = v)),
        };
        ResponsiblePerson = Detail("ResponsiblePerson", "field.responsible_person", "finding.ask.responsible_person", d => d.ResponsiblePerson, (d, v) => d.ResponsiblePerson = v);
        HandOver = Detail("HandOver", "field.handed_over", "finding.ask.handover", d => d.HandedOverTo, (d, v) => d.HandedOverTo = v);
        Deadline = new("Deadline")
        {
            Field = "field.deadline",
            IsAnswered = d => d.Deadline is not null,
            Ask = (turn, _) => new(turn.Context.T["finding.ask.deadline"],
                [DeadlineAnswer.QuickChoices(turn.Context.T, withToday: true), [new Choice(turn.Context.T["finding.no_deadline"], "clear")]]),
            Read = ReadDeadline,
        };
        ConfirmDeadline = DeadlineAnswer.Confirmation<FindingDraft>(_ => Deadline);
        EditTargets =
        [
            new("e:aspect", new("EditAspect"), Aspect, "field.aspect"),
            new("e:sector", new("EditSector"), Sector, "field.sector"),
            new("e:method", new("EditMethod"), Method, "field.method"),
            new("e:open", new("EditOpenness"), Openness, "field.openness"),
            new("e:city", new("EditCity"), City, FieldKeys.City),
            new("e:place", new("EditPlace"), Place, FieldKeys.Place),
            new("e:unit", new("EditUnit"), Unit, "field.unit"),
            new("e:desc", new("EditDescription"), Description, "field.description"),
            new("e:sev", new("EditSeverity"), Severity, "field.severity"),
            new("e:evid", new("EditEvidence"), Evidence, "field.evidence"),

            // A saved finding's rectification changes in the ledger (with reasons and history), not here.
            new("e:extra", new("EditExtras"), Extras, "field.rectification", d => d.EditingFindingId is null, "a new finding"),
        ];
        var card = ReviewCard.Step("Review", (turn, d) => Card(store, turn, d), EditTargets,
            duplicates is null || isComplete is null ? null : (turn, d) => turn.Context.Member is { } m ? duplicates.For(turn.Context.T, m, d, isComplete!(d)) : null, AddToDuplicate);
        Review = new("Review") { Ask = (turn, d) => SuggestionsOnCard.Relabel(turn.Context.T, d, card.Ask!(turn, d)), Read = card.Read };
    }

    /// <summary>
    /// A required short text (the city, the unit), typed or chosen from buttons: the member's own last value first, then
    /// the team's recently used ones.
    /// </summary>
    private static Step OfferedText(
        string name, string field, string askKey, int max,
        Func<FindingDraft, string?> get, Action<FindingDraft, string> set,
        Func<FindingDraft, string?> mine, Func<TeamVocabulary, IReadOnlyList<string>> used, FindingStore store) => new(name)
    {
        Field = field,
        Required = true,
        IsAnswered = d => !string.IsNullOrWhiteSpace(get(d)),
        Shown = (_, d) => get(d),
        Ask = (turn, d) => FindingChoices.WithOffers(turn.Context.T[askKey], d, mine(d), used(store.VocabularyOf(turn.Draft.TeamId))),
        Read = (turn, d) => FindingChoices.Confirm(d, field, FindingChoices.OfferedOrText(turn, d, max, v => set(d, v))),
    };

    public Step Aspect { get; }

    public Step Sector { get; }

    public Step SectorOther { get; }

    public Step Method { get; }

    public Step Openness { get; }

    public Step City { get; }

    public Step Place { get; }

    public Step Unit { get; }

    public Step Description { get; }

    public Step Severity { get; }

    public Step Basis { get; }

    public Step Evidence { get; }

    public Step Extras { get; }

    public Step ResponsibleUnit { get; }

    public Step ResponsiblePerson { get; }

    public Step HandOver { get; }

    public Step Deadline { get; }

    public Step ConfirmDeadline { get; }

    public Step Review { get; }

    /// <summary>The card's edit buttons; the rectification details only while the finding is new.</summary>
    public IReadOnlyList<EditTarget<FindingDraft>> EditTargets { get; }

    /// <summary>Every question, in the order a new finding meets them.</summary>
    public IReadOnlyList<Step> All =>
    [
        Aspect, Sector, SectorOther, Method, Openness, City, Place, Unit, Description, Severity, Basis, Evidence,
        Extras, ResponsibleUnit, HandOver, ResponsiblePerson, Deadline, ConfirmDeadline, Review,
    ];

    /// <summary>
    /// Where an answer leads: the name of one's own for "other", the basis of a major hazard, then the first required
    /// question not answered yet (the optional ones are asked only from the card), else the card.
    /// </summary>
    public Step After(Step answered, FindingDraft d)
    {
        if (answered == Sector && d.Sector == Findings.Sector.Other && string.IsNullOrWhiteSpace(d.SectorOther))
        {
            return SectorOther;
        }

        if (answered == Severity && d.Severity == Findings.Severity.MajorHazard && d.Basis is null)
        {
            return Basis;
        }

        return FirstMissing(d) ?? Review;
    }

    /// <summary>The first required question the draft does not answer yet, in the order asked; null when the card can be shown.</summary>
    public Step? FirstMissing(FindingDraft d)
    {
        var missing = RequiredInOrder.FirstOrDefault(s => !s.IsAnswered!(d));
        return missing == Sector && d.Sector == Findings.Sector.Other ? SectorOther : missing;
    }

    /// <summary>The required questions in the order a new finding meets them.</summary>
    public IReadOnlyList<Step> RequiredInOrder => [Aspect, Sector, Method, Openness, City, Unit, Description, Severity];

    /// <summary>The questions an answer moves on from by <see cref="After"/>.</summary>
    public IReadOnlyList<Step> Questions => [Aspect, Sector, SectorOther, Method, Openness, City, Place, Unit, Description, Severity, Basis, Evidence];

    /// <summary>The card: the finding being edited with the changes, or a new one as it would be saved.</summary>
    private static string Card(FindingStore store, FlowTurn turn, FindingDraft d)
    {
        var t = turn.Context.T;
        var preview = d.EditingFindingId is { } editing && store.Get(editing) is { } saved ? saved : new Finding { Code = "", Day = turn.Context.Today };
        d.ApplyTo(preview, includeRectification: d.EditingFindingId is null);
        return t[d.EditingFindingId is null ? "finding.review" : "finding.review_edit"] + "\n\n" + FindingCard.Render(t, preview, fullDescription: false)
            + SuggestionsOnCard.Line(t, d);
    }

    private static StepResult ReadPlace(FlowTurn turn, FindingDraft d)
    {
        if (turn.Input.Location is { } location)
        {
            d.Latitude = location.Latitude;
            d.Longitude = location.Longitude;
            return StepResult.Answered;
        }

        return Answers.TextOrNone(turn, "skip", MaxShortText, v => d.Place = v);
    }

    private static Question AskDescription(FlowTurn turn, FindingDraft d)
    {
        var t = turn.Context.T;
        return d.Description.Length == 0
            ? new(t["finding.ask.description"])
            : new(t.Format("finding.ask.description_more", d.Description.Length),
                [[new Choice(t["finding.description_done"], "done"), new Choice(t["finding.description_replace"], "replace")]]);
    }

    /// <summary>Text is added to the description until done is pressed (or typed); replace starts it again.</summary>
    private static StepResult ReadDescription(FlowTurn turn, FindingDraft d)
    {
        var t = turn.Context.T;
        var typed = turn.Input.Text?.Trim();
        if (turn.Input.Choice == "done" || string.Equals(typed, t["finding.description_done"], StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(d.Description) ? StepResult.Again(t["finding.description_empty"]) : StepResult.Answered;
        }

        if (turn.Input.Choice == "replace")
        {
            d.Description = "";
            return StepResult.Stay;
        }

        if (string.IsNullOrEmpty(typed))
        {
            return StepResult.Unexpected;
        }

        if (d.Description.Length + typed.Length + 1 > MaxDescription)
        {
            return StepResult.Again(t.Format("flow.too_long", MaxDescription));
        }

        d.Description = d.Description.Length == 0 ? typed : d.Description + "\n" + typed;
        return StepResult.Stay;
    }

    private static Question AskEvidence(FlowTurn turn, FindingDraft d)
    {
        var t = turn.Context.T;
        return new(d.Evidence.Count == 0 ? t["finding.ask.evidence"] : t.Format("finding.ask.evidence_more", EvidenceText.Summary(t, d.Evidence)),
            [[new Choice(t[d.Evidence.Count == 0 ? "finding.no_evidence" : "common.next"], "done")]]);
    }

    private static StepResult ReadEvidence(FlowTurn turn, FindingDraft d)
    {
        if (turn.Input.Files.Count > 0)
        {
            EvidenceAnswer.Keep(turn, d, sayKept: false);
            return StepResult.Stay;
        }

        return turn.Input.Choice == "done" ? StepResult.Answered : StepResult.Again(turn.Context.T["finding.evidence_expected"]);
    }

    /// <summary>The optional rectification details, each button showing its value; done goes to the card.</summary>
    private static Question AskExtras(FlowTurn turn, FindingDraft d)
    {
        var t = turn.Context.T;
        return new(t["finding.ask.extras"],
        [
            [new Choice(t.Format("finding.extra.unit", d.ResponsibleUnit ?? t["card.not_set"]), "x:unit")],
            [new Choice(t.Format("finding.extra.person", d.ResponsiblePerson ?? t["card.not_set"]), "x:person")],
            [new Choice(t.Format("finding.extra.deadline", d.Deadline is { } dl ? DateText.Full(t, dl) : t["card.not_set"]), "x:deadline")],
            [new Choice(t.Format("finding.extra.fixed", t[d.FixedOnSpot ? "common.yes" : "common.no"]), "x:fixed")],
            [new Choice(t.Format("finding.extra.handover", d.HandedOverTo ?? t["card.not_set"]), "x:handover")],
            [new Choice(t["finding.extra.done"], "done")],
        ]);
    }

    private static StepResult ReadDeadline(FlowTurn turn, FindingDraft d)
    {
        if (turn.Input.Choice == "clear")
        {
            d.Deadline = null;
            return StepResult.Answered;
        }

        return DeadlineAnswer.Read(turn, d);
    }

    /// <summary>A rectification detail: typed text, or clear.</summary>
    private static Step Detail(string name, string field, string questionKey, Func<FindingDraft, string?> value, Action<FindingDraft, string?> apply) => new(name)
    {
        Field = field,
        IsAnswered = d => value(d) is not null,
        Ask = (turn, _) => new(turn.Context.T[questionKey], [[new Choice(turn.Context.T["common.clear"], "clear")]]),
        Read = (turn, d) => Answers.TextOrNone(turn, "clear", MaxShortText, v => apply(d, v)),
    };
}
