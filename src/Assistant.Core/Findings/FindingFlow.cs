using System.Globalization;
using Assistant.Core.Common;
using Assistant.Core.Conversations;
using Assistant.Core.Messaging;
using Assistant.Core.Notes;
using Assistant.Core.Teams;
using Stateless;
using Stateless.Graph;

namespace Assistant.Core.Findings;

/// <summary>
/// The guided conversation that records a finding (or edits a saved one): aspect, sector, method,
/// open or covert, where, the unit, what was found, severity (and the rule broken for a major
/// hazard), evidence, optional rectification details, then a summary card to edit any field, save
/// or cancel. The state lives in the draft; this class builds the Stateless machine over it for each
/// answer. Photos and documents are kept as evidence at any step, a shared location at any step.
/// </summary>
public sealed class FindingFlow(FindingService findings, FindingStore store, NoteStore notes, EvidenceDownloads downloads) : IFlow
{
    public const string FlowName = "finding";
    public const int MaxDescription = 50_000;
    public const int MaxShortText = 200;
    public const int MaxBasis = 2_000;

    internal enum State
    {
        Aspect,
        Sector,
        SectorOther,
        Method,
        Openness,
        City,
        Place,
        Unit,
        Description,
        Severity,
        Basis,
        Evidence,
        Extras,
        ResponsibleUnit,
        HandOver,
        ResponsiblePerson,
        Deadline,
        ConfirmDeadline,
        Review,
        Saved,
        Cancelled,
    }

    internal enum Trigger
    {
        Answered,
        EditAspect,
        EditSector,
        EditMethod,
        EditOpenness,
        EditPlace,
        EditUnit,
        EditDescription,
        EditSeverity,
        EditEvidence,
        EditExtras,
        ChooseResponsibleUnit,
        ChooseHandOver,
        ChooseResponsiblePerson,
        ChooseDeadline,
        FarDeadline,
        ToggleFixedOnSpot,
        Save,
        Cancel,
    }

    /// <summary>The card's edit buttons: button value, trigger, catalog key of the label.</summary>
    private static readonly (string Value, Trigger Trigger, State Target, string LabelKey)[] EditTargets =
    [
        ("e:aspect", Trigger.EditAspect, State.Aspect, "field.aspect"),
        ("e:sector", Trigger.EditSector, State.Sector, "field.sector"),
        ("e:method", Trigger.EditMethod, State.Method, "field.method"),
        ("e:open", Trigger.EditOpenness, State.Openness, "field.openness"),
        ("e:place", Trigger.EditPlace, State.City, "field.place"),
        ("e:unit", Trigger.EditUnit, State.Unit, "field.unit"),
        ("e:desc", Trigger.EditDescription, State.Description, "field.description"),
        ("e:sev", Trigger.EditSeverity, State.Severity, "field.severity"),
        ("e:evid", Trigger.EditEvidence, State.Evidence, "field.evidence"),
        ("e:extra", Trigger.EditExtras, State.Extras, "field.rectification"),
    ];

    public string Name => FlowName;

    public string TitleKey => "flow.finding";

    /// <summary>Starts a new finding (or an edit) with what is already known.</summary>
    public void Begin(FlowTurn turn, FindingDraft data)
    {
        turn.Draft.State = (data.EditingFindingId is null ? State.Aspect : State.Review).ToString();
        if (data.EditingFindingId is not null)
        {
            data.ReturnToReview = true;
        }

        AskAndSave(turn, data, Current(turn.Draft));
    }

    public void AskAgain(FlowTurn turn) => AskAndSave(turn, turn.Data<FindingDraft>(), Current(turn.Draft));

    public string Diagram() => MermaidGraph.Format(Build(new Draft { State = nameof(State.Aspect) }, new FindingDraft()).GetInfo());

    /// <summary>The finding being edited, or what a new one has so far: sector, city, unit, the start of the description.</summary>
    public string Describe(FlowTurn turn)
    {
        var d = turn.Data<FindingDraft>();
        var t = turn.Context.T;
        var parts = new List<string>();
        if (d.EditingFindingId is { } id && store.Get(id) is { } editing)
        {
            parts.Add(Html.Bold(editing.Code));
        }

        if (d.Sector is { } sector)
        {
            parts.Add(sector == Sector.Other && d.SectorOther is { } other ? Html.Escape(other) : t[sector.Key()]);
        }

        parts.AddRange(new[] { d.City, d.Unit }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(Html.Escape));
        if (d.Description.Length > 0)
        {
            parts.Add("“" + Html.Escape(d.Description.Length <= 20 ? d.Description : d.Description[..20] + "…") + "”");
        }

        return string.Join(" · ", parts);
    }

    public void Continue(FlowTurn turn)
    {
        var data = turn.Data<FindingDraft>();
        var machine = Build(turn.Draft, data);
        var state = machine.State;
        var input = turn.Input;
        var t = turn.Context.T;

        if (input.Files.Count > 0)
        {
            var kept = KeepEvidence(data, input.Files, turn.Context.UtcNow);
            if (kept == 0)
            {
                turn.Say(t["finding.unsupported_file"]);
            }
            else if (state != State.Evidence)
            {
                turn.Say(t.Format("finding.evidence_kept", data.Evidence.Count));
            }

            if (string.IsNullOrWhiteSpace(input.Text) || state == State.Evidence)
            {
                Finish(turn, data, machine, state);
                return;
            }
        }

        if (input.Location is { } location)
        {
            data.Latitude = location.Latitude;
            data.Longitude = location.Longitude;
            if (state == State.Place)
            {
                machine.Fire(Trigger.Answered);
            }
            else
            {
                turn.Say(t[state == State.City ? "finding.location_kept_city" : "finding.location_kept"]);
            }

            Finish(turn, data, machine, machine.State);
            return;
        }

        var trigger = Handle(turn, data, state);
        if (trigger is { } fire)
        {
            if (fire == Trigger.Save)
            {
                SaveFinding(turn, data);
                return;
            }

            if (fire == Trigger.Cancel)
            {
                turn.Say(t[data.EditingFindingId is null ? "finding.cancelled" : "finding.edit_cancelled"]);
                turn.Finish();
                return;
            }

            machine.Fire(fire);
        }

        Finish(turn, data, machine, machine.State);
    }

    /// <summary>The machine over a draft; also used to draw docs/flows/finding.md.</summary>
    internal static StateMachine<State, Trigger> Build(Draft draft, FindingDraft d)
    {
        var machine = new StateMachine<State, Trigger>(() => Current(draft), s => draft.State = s.ToString());

        void Next(State from, State next) => machine.Configure(from)
            .PermitIf(Trigger.Answered, next, () => !d.ReturnToReview, "next question")
            .PermitIf(Trigger.Answered, State.Review, () => d.ReturnToReview, "back to the card");

        Next(State.Aspect, State.Sector);
        machine.Configure(State.Sector)
            .PermitIf(Trigger.Answered, State.SectorOther, () => d.Sector == Sector.Other, "other sector")
            .PermitIf(Trigger.Answered, State.Method, () => d.Sector != Sector.Other && !d.ReturnToReview, "next question")
            .PermitIf(Trigger.Answered, State.Review, () => d.Sector != Sector.Other && d.ReturnToReview, "back to the card");
        Next(State.SectorOther, State.Method);
        Next(State.Method, State.Openness);
        Next(State.Openness, State.City);
        machine.Configure(State.City).Permit(Trigger.Answered, State.Place);
        Next(State.Place, State.Unit);
        Next(State.Unit, State.Description);
        Next(State.Description, State.Severity);
        machine.Configure(State.Severity)
            .PermitIf(Trigger.Answered, State.Basis, () => d.Severity == Severity.MajorHazard, "major hazard: ask the basis")
            .PermitIf(Trigger.Answered, State.Evidence, () => d.Severity != Severity.MajorHazard && !d.ReturnToReview, "next question")
            .PermitIf(Trigger.Answered, State.Review, () => d.Severity != Severity.MajorHazard && d.ReturnToReview, "back to the card");
        Next(State.Basis, State.Evidence);
        Next(State.Evidence, State.Extras);
        machine.Configure(State.Extras)
            .Permit(Trigger.Answered, State.Review)
            .Permit(Trigger.ChooseResponsibleUnit, State.ResponsibleUnit)
            .Permit(Trigger.ChooseResponsiblePerson, State.ResponsiblePerson)
            .Permit(Trigger.ChooseDeadline, State.Deadline)
            .Permit(Trigger.ChooseHandOver, State.HandOver)
            .InternalTransition(Trigger.ToggleFixedOnSpot, () => d.FixedOnSpot = !d.FixedOnSpot);
        foreach (var detail in new[] { State.ResponsibleUnit, State.ResponsiblePerson, State.Deadline, State.HandOver })
        {
            machine.Configure(detail).Permit(Trigger.Answered, State.Extras);
        }

        machine.Configure(State.Deadline).Permit(Trigger.FarDeadline, State.ConfirmDeadline);
        machine.Configure(State.ConfirmDeadline)
            .Permit(Trigger.Answered, State.Extras)
            .Permit(Trigger.ChooseDeadline, State.Deadline)
            .PermitReentry(Trigger.FarDeadline);

        var review = machine.Configure(State.Review)
            .OnEntry(() => d.ReturnToReview = true, "answers now return to the card")
            .Permit(Trigger.Save, State.Saved)
            .Permit(Trigger.Cancel, State.Cancelled);
        foreach (var (_, trigger, target, _) in EditTargets)
        {
            review.Permit(trigger, target);
        }

        machine.OnUnhandledTrigger((_, _) => { });
        return machine;
    }

    private static State Current(Draft draft) => Enum.TryParse<State>(draft.State, out var s) ? s : State.Aspect;

    private void Finish(FlowTurn turn, FindingDraft data, StateMachine<State, Trigger> machine, State state) =>
        AskAndSave(turn, data, machine.State == state ? state : machine.State);

    /// <summary>Asks the question, then saves: asking records which texts its buttons stand for.</summary>
    private void AskAndSave(FlowTurn turn, FindingDraft data, State state)
    {
        Ask(turn, data, state);
        turn.Save(data);
    }

    /// <summary>Reads the answer to the current question; returns the trigger to fire, or null to ask again.</summary>
    private static Trigger? Handle(FlowTurn turn, FindingDraft d, State state)
    {
        var t = turn.Context.T;
        switch (state)
        {
            case State.Aspect:
                return Pick(turn, AspectChoices(t), v => d.Aspect = (Aspect)int.Parse(v, CultureInfo.InvariantCulture),
                    typed => ClassificationNames.AspectOf(typed) is { } aspect ? [((int)aspect).ToString(CultureInfo.InvariantCulture)] : []);
            case State.Sector:
                return Pick(turn, SectorChoices(t), v => d.Sector = Enum.Parse<Sector>(v),
                    typed => [.. ClassificationNames.Sectors(typed).Select(s => s.ToString())]);
            case State.SectorOther:
                return Text(turn, 60, v => d.SectorOther = v);
            case State.Method:
                return Pick(turn, MethodChoices(t), v => d.Method = Enum.Parse<Method>(v));
            case State.Openness:
                return Pick(turn, OpennessChoices(t), v => d.Covert = v == "covert");
            case State.City:
                return OfferedOrText(turn, d, 60, v => d.City = v);
            case State.Place:
                if (turn.Input.Choice == "skip")
                {
                    d.Place = null;
                    return Trigger.Answered;
                }

                return Text(turn, MaxShortText, v => d.Place = v);
            case State.Unit:
                return OfferedOrText(turn, d, MaxShortText, v => d.Unit = v);
            case State.Description:
                return Describe(turn, d);
            case State.Severity:
                return Pick(turn, SeverityChoices(t), v => d.Severity = Enum.Parse<Severity>(v));
            case State.Basis:
                if (turn.Input.Choice == "skip")
                {
                    d.Basis = null;
                    return Trigger.Answered;
                }

                return Text(turn, MaxBasis, v => d.Basis = v);
            case State.Evidence:
                if (turn.Input.Choice == "done")
                {
                    return Trigger.Answered;
                }

                turn.Say(t["finding.evidence_expected"]);
                return null;
            case State.Extras:
                return turn.Input.Choice switch
                {
                    "x:unit" => Trigger.ChooseResponsibleUnit,
                    "x:person" => Trigger.ChooseResponsiblePerson,
                    "x:deadline" => Trigger.ChooseDeadline,
                    "x:fixed" => Trigger.ToggleFixedOnSpot,
                    "x:handover" => Trigger.ChooseHandOver,
                    "done" => Trigger.Answered,
                    _ => Unexpected(turn),
                };
            case State.ResponsibleUnit:
                return ClearOrText(turn, v => d.ResponsibleUnit = v);
            case State.ResponsiblePerson:
                return ClearOrText(turn, v => d.ResponsiblePerson = v);
            case State.HandOver:
                return ClearOrText(turn, v => d.HandedOverTo = v);
            case State.Deadline:
                return Deadline(turn, d);
            case State.ConfirmDeadline:
                return ConfirmDeadline(turn, d);
            case State.Review:
                return Review(turn, d);
            default:
                return null;
        }
    }

    private static Trigger? Review(FlowTurn turn, FindingDraft d)
    {
        var choice = turn.Input.Choice;
        if (choice == "save")
        {
            var missing = d.Missing();
            if (missing.Count == 0)
            {
                return Trigger.Save;
            }

            var t = turn.Context.T;
            turn.Say(t.Format("finding.missing", new SafeHtml(string.Join(t["list.separator"], missing.Select(k => t[k])))));
            return null;
        }

        if (choice == "cancel")
        {
            return Trigger.Cancel;
        }

        foreach (var (value, trigger, _, _) in EditTargets)
        {
            if (choice == value)
            {
                return trigger;
            }
        }

        return Unexpected(turn);
    }

    private static Trigger? Describe(FlowTurn turn, FindingDraft d)
    {
        var t = turn.Context.T;
        var typed = turn.Input.Text?.Trim();
        if (turn.Input.Choice == "done" || string.Equals(typed, t["finding.description_done"], StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(d.Description))
            {
                turn.Say(t["finding.description_empty"]);
                return null;
            }

            return Trigger.Answered;
        }

        if (turn.Input.Choice == "replace")
        {
            d.Description = "";
            return null;
        }

        var text = typed;
        if (string.IsNullOrEmpty(text))
        {
            return Unexpected(turn);
        }

        if (d.Description.Length + text.Length + 1 > MaxDescription)
        {
            turn.Say(t.Format("finding.too_long", MaxDescription));
            return null;
        }

        d.Description = d.Description.Length == 0 ? text : d.Description + "\n" + text;
        return null;
    }

    private static Trigger? Deadline(FlowTurn turn, FindingDraft d)
    {
        var today = turn.Context.Today;
        var choice = turn.Input.Choice;
        if (choice == "clear")
        {
            d.Deadline = null;
            return Trigger.Answered;
        }

        if (choice is not null && choice.StartsWith("d:", StringComparison.Ordinal)
            && int.TryParse(choice.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= DateInput.PlausibleYears * 365)
        {
            d.Deadline = today.AddDays(days);
            return Trigger.Answered;
        }

        return Ledger.DeadlineAnswer.Answer(turn, d) switch
        {
            Ledger.DeadlineStep.Taken => Trigger.Answered,
            Ledger.DeadlineStep.Far => Trigger.FarDeadline,
            _ => null,
        };
    }

    /// <summary>A deadline far ahead: yes takes it, change asks again; a date typed here is a new answer to the deadline.</summary>
    private static Trigger? ConfirmDeadline(FlowTurn turn, FindingDraft d) => Ledger.DeadlineAnswer.Confirm(turn, d) switch
    {
        Ledger.DeadlineStep.Taken => Trigger.Answered,
        Ledger.DeadlineStep.Change => Trigger.ChooseDeadline,
        Ledger.DeadlineStep.Retyped => Deadline(turn, d),
        _ => Unexpected(turn),
    };

    /// <summary>
    /// A pressed or typed choice; <paramref name="named"/> reads other names for the choices (危化 for 危险化学品) and
    /// may find several, which are offered back to choose from.
    /// </summary>
    private static Trigger? Pick(FlowTurn turn, IReadOnlyList<Choice> choices, Action<string> apply, Func<string, IReadOnlyList<string>>? named = null)
    {
        if (!TryChoose(turn.Input, choices, out var value))
        {
            var typed = turn.Input.Text?.Trim();
            var values = named is null || string.IsNullOrEmpty(typed) ? [] : named(typed);
            if (values.Count > 1)
            {
                var t = turn.Context.T;
                var labels = choices.Where(c => values.Contains(c.Value)).Select(c => c.Label);
                turn.Say(t.Format("finding.several_choices", typed!, string.Join(t["list.separator"], labels)));
                return null;
            }

            if (values.Count == 0)
            {
                return Unexpected(turn);
            }

            value = values[0];
        }

        apply(value);
        return Trigger.Answered;
    }

    private static Trigger? OfferedOrText(FlowTurn turn, FindingDraft d, int max, Action<string> apply)
    {
        var choice = turn.Input.Choice;
        if (choice is not null && choice.StartsWith("o:", StringComparison.Ordinal)
            && int.TryParse(choice.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < d.Offered.Count)
        {
            apply(d.Offered[index]);
            return Trigger.Answered;
        }

        return Text(turn, max, apply);
    }

    private static Trigger? ClearOrText(FlowTurn turn, Action<string?> apply)
    {
        if (turn.Input.Choice == "clear")
        {
            apply(null);
            return Trigger.Answered;
        }

        return Text(turn, MaxShortText, apply);
    }

    private static Trigger? Text(FlowTurn turn, int max, Action<string> apply)
    {
        var text = turn.Input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Unexpected(turn);
        }

        if (text.Length > max)
        {
            turn.Say(turn.Context.T.Format("finding.too_long", max));
            return null;
        }

        apply(text);
        return Trigger.Answered;
    }

    /// <summary>Input that does not fit the question: say what is expected; the question follows again.</summary>
    private static Trigger? Unexpected(FlowTurn turn)
    {
        var input = turn.Input;
        var key = input.Choice is not null ? "callback.expired_in_flow"
            : input.Text is null ? "finding.text_expected"
            : "finding.choose_button";
        turn.Say(turn.Context.T[key]);
        return null;
    }

    /// <summary>A pressed button, or typed text equal to a label or to its number.</summary>
    private static bool TryChoose(FlowInput input, IReadOnlyList<Choice> choices, out string value)
    {
        value = "";
        if (input.Choice is { } pressed && choices.Any(c => c.Value == pressed))
        {
            value = pressed;
            return true;
        }

        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count)
        {
            value = choices[n - 1].Value;
            return true;
        }

        var match = choices.FirstOrDefault(c => ButtonLabel.Matches(c.Label, text));
        value = match?.Value ?? "";
        return match is not null;
    }

    private static int KeepEvidence(FindingDraft d, IReadOnlyList<IncomingFile> files, DateTime utcNow)
    {
        var kept = 0;
        foreach (var file in files)
        {
            EvidenceKind? kind = file.Kind switch
            {
                FileKind.Photo => EvidenceKind.Photo,
                FileKind.Document => EvidenceKind.Document,
                FileKind.Voice or FileKind.Audio => EvidenceKind.Voice,
                FileKind.Video or FileKind.VideoNote or FileKind.Animation => EvidenceKind.Video,
                _ => null,
            };
            if (kind is null || d.Evidence.Any(e => e.FileId == file.FileId))
            {
                continue;
            }

            d.Evidence.Add(new Evidence { Kind = kind.Value, FileId = file.FileId, FileName = file.FileName, MimeType = file.MimeType, Size = file.Size, AddedUtc = utcNow });
            kept++;
        }

        return kept;
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
            turn.Finish();
            return;
        }

        d.Offered.Clear();
        if (d.EditingFindingId is { } id)
        {
            var (updated, changed) = findings.Update(id, d.EditingRevision, member, d, context.UtcNow);
            if (updated is null)
            {
                turn.Say(t["finding.edit_conflict"]);
            }
            else
            {
                downloads.Queue(updated, context.UtcNow);
                turn.Say(t.Format("finding.updated", updated.Code, changed));
            }

            turn.Finish();
            return;
        }

        var finding = findings.Create(team, member, d, context.Today, context.UtcNow);
        if (d.NoteId is { } noteId)
        {
            notes.LinkToFinding(noteId, member.Id, finding.Id);
        }

        downloads.Queue(finding, context.UtcNow);
        context.Reply(t.Format("finding.saved", finding.Code) + "\n\n" + FindingCard.Render(t, finding), FindingCommands.CardButtons(t, finding, member));
        turn.Finish();
    }

    private void Ask(FlowTurn turn, FindingDraft d, State state)
    {
        var t = turn.Context.T;
        d.Offered.Clear();
        switch (state)
        {
            case State.Aspect:
                turn.Ask(t["finding.ask.aspect"], AspectChoices(t).Select(c => new[] { c }));
                break;
            case State.Sector:
                turn.Ask(t["finding.ask.sector"], SectorChoices(t).Chunk(3));
                break;
            case State.SectorOther:
                turn.Ask(t["finding.ask.sector_other"]);
                break;
            case State.Method:
                turn.Ask(t["finding.ask.method"], MethodChoices(t).Chunk(3));
                break;
            case State.Openness:
                turn.Ask(t["finding.ask.openness"], [OpennessChoices(t)]);
                break;
            case State.City:
                AskWithOffers(turn, d, t["finding.ask.city"], store.VocabularyOf(turn.Draft.TeamId).Cities);
                break;
            case State.Place:
                turn.Ask(t["finding.ask.place"], [[new Choice(t["common.skip"], "skip")]]);
                break;
            case State.Unit:
                AskWithOffers(turn, d, t["finding.ask.unit"], store.VocabularyOf(turn.Draft.TeamId).Units);
                break;
            case State.Description:
                if (d.Description.Length == 0)
                {
                    turn.Ask(t["finding.ask.description"]);
                }
                else
                {
                    turn.Ask(t.Format("finding.ask.description_more", d.Description.Length),
                        [[new Choice(t["finding.description_done"], "done"), new Choice(t["finding.description_replace"], "replace")]]);
                }

                break;
            case State.Severity:
                turn.Ask(t["finding.ask.severity"], SeverityChoices(t).Select(c => new[] { c }));
                break;
            case State.Basis:
                turn.Ask(t["finding.ask.basis"], [[new Choice(t["finding.basis_later"], "skip")]]);
                break;
            case State.Evidence:
                turn.Ask(d.Evidence.Count == 0 ? t["finding.ask.evidence"] : t.Format("finding.ask.evidence_more", FindingCard.Evidence(t, d.Evidence)),
                    [[new Choice(t[d.Evidence.Count == 0 ? "finding.no_evidence" : "common.next"], "done")]]);
                break;
            case State.Extras:
                turn.Ask(t["finding.ask.extras"],
                [
                    [new Choice(t.Format("finding.extra.unit", d.ResponsibleUnit ?? t["card.not_set"]), "x:unit")],
                    [new Choice(t.Format("finding.extra.person", d.ResponsiblePerson ?? t["card.not_set"]), "x:person")],
                    [new Choice(t.Format("finding.extra.deadline", d.Deadline is { } dl ? FindingCard.Date(t, dl) : t["card.not_set"]), "x:deadline")],
                    [new Choice(t.Format("finding.extra.fixed", t[d.FixedOnSpot ? "common.yes" : "common.no"]), "x:fixed")],
                    [new Choice(t.Format("finding.extra.handover", d.HandedOverTo ?? t["card.not_set"]), "x:handover")],
                    [new Choice(t["finding.extra.done"], "done")],
                ]);
                break;
            case State.ResponsibleUnit:
                turn.Ask(t["finding.ask.responsible_unit"], [[new Choice(t["common.clear"], "clear")]]);
                break;
            case State.ResponsiblePerson:
                turn.Ask(t["finding.ask.responsible_person"], [[new Choice(t["common.clear"], "clear")]]);
                break;
            case State.HandOver:
                turn.Ask(t["finding.ask.handover"], [[new Choice(t["common.clear"], "clear")]]);
                break;
            case State.Deadline:
                turn.Ask(t["finding.ask.deadline"],
                [
                    [.. DateInput.QuickOffsets.Select(n => new Choice(n == 0 ? t["date.today"] : t.Format("date.in_days", n), "d:" + n.ToString(CultureInfo.InvariantCulture)))],
                    [new Choice(t["finding.no_deadline"], "clear")],
                ]);
                break;
            case State.ConfirmDeadline:
                Ledger.DeadlineAnswer.AskToConfirm(turn, d.PendingDeadline ?? turn.Context.Today, []);
                break;
            case State.Review:
                var preview = d.EditingFindingId is { } editing && store.Get(editing) is { } saved ? saved : new Finding { Code = "", Day = turn.Context.Today };
                d.ApplyTo(preview, includeRectification: d.EditingFindingId is null);
                var title = d.EditingFindingId is null ? t["finding.review"] : t["finding.review_edit"];
                // A saved finding's rectification changes in the ledger (with reasons and history), not here.
                var targets = d.EditingFindingId is null ? EditTargets : [.. EditTargets.Where(e => e.Trigger != Trigger.EditExtras)];
                turn.Ask(title + "\n\n" + FindingCard.Render(t, preview, fullDescription: false),
                [
                    .. targets.Chunk(3).Select(row => row.Select(e => new Choice("✎ " + t[e.LabelKey], e.Value))),
                    [new Choice(t["finding.save"], "save"), new Choice(t["finding.cancel"], "cancel")],
                ]);
                break;
        }
    }

    private static void AskWithOffers(FlowTurn turn, FindingDraft d, string question, IReadOnlyList<string> used)
    {
        var offers = used.Take(8).ToList();
        d.Offered.AddRange(offers);
        turn.Ask(question, offers.Select((o, i) => new Choice(Shorten(o), "o:" + i.ToString(CultureInfo.InvariantCulture))).Chunk(2));
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";

    private static List<Choice> AspectChoices(Localization.Texts t) =>
        [.. Enum.GetValues<Aspect>().Select(a => new Choice(t[a.ShortKey()], ((int)a).ToString(CultureInfo.InvariantCulture)))];

    private static List<Choice> SectorChoices(Localization.Texts t) =>
        [.. Enum.GetValues<Sector>().Select(s => new Choice(t[s.Key()], s.ToString()))];

    private static List<Choice> MethodChoices(Localization.Texts t) =>
        [.. Enum.GetValues<Method>().Select(m => new Choice(t[m.Key()], m.ToString()))];

    private static List<Choice> OpennessChoices(Localization.Texts t) =>
        [new(t["openness.open"], "open"), new(t["openness.covert"], "covert")];

    private static List<Choice> SeverityChoices(Localization.Texts t) =>
        [.. Enum.GetValues<Severity>().Select(s => new Choice(t[s.Key()], s.ToString()))];
}
