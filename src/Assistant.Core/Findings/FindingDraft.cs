using Assistant.Core.Conversations;

namespace Assistant.Core.Findings;

/// <summary>
/// What has been entered in the finding flow so far (the draft's data). Its free texts are scrubbed of anything identifying
/// a person (<see cref="ScrubIdentities"/>) where input enters the flow: every answer, and every draft a flow begins with (a
/// caption, a note or a voice transcript turned into a finding, the model's refinement, an edit), so a tipster's identity is
/// neither shown on the card nor saved. Loading a saved draft does not scrub it again: it was saved scrubbed. The name of
/// the person responsible for the rectification is the one free text kept as typed.
/// </summary>
public sealed class FindingDraft : IReviewedDraft, IEvidenceDraft, IDeadlineDraft
{
    /// <summary>Set when the flow edits a saved finding instead of creating one.</summary>
    public int? EditingFindingId { get; set; }

    public int EditingRevision { get; set; }

    /// <summary>The current question was reached from the summary card: answering returns there.</summary>
    public bool ReturnToReview { get; set; }

    public Aspect? Aspect { get; set; }

    public Sector? Sector { get; set; }

    public string? SectorOther { get; set; }

    public Method? Method { get; set; }

    public bool? Covert { get; set; }

    public string? City { get; set; }

    public string? Place { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? Unit { get; set; }

    public string Description { get; set; } = "";

    public Severity? Severity { get; set; }

    public string? Basis { get; set; }

    public List<Evidence> Evidence { get; set; } = [];

    public string? ResponsibleUnit { get; set; }

    public string? ResponsiblePerson { get; set; }

    public DateOnly? Deadline { get; set; }

    /// <summary>A deadline typed far ahead, waiting for the member to confirm it (see <see cref="DeadlineAnswer"/>).</summary>
    public DateOnly? PendingDeadline { get; set; }

    public bool FixedOnSpot { get; set; }

    public string? HandedOverTo { get; set; }

    public int? NoteId { get; set; }

    /// <summary>The member's own values of their last finding today, taken when the flow starts (null: none today, or an edit).</summary>
    public FindingDefaults? Defaults { get; set; }

    /// <summary>
    /// Fields filled for the member rather than by them (from the text they sent, or their last finding of the day): the card
    /// shows them as suggestions until they are answered or saved as they are.
    /// </summary>
    public List<string> Suggested { get; set; } = [];

    /// <summary>Texts offered as buttons at the current question (a button carries only its index).</summary>
    public List<string> Offered { get; set; } = [];

    /// <summary>The draft's free texts that may carry a tipster's identity (not the responsible person's name), each read and written once.</summary>
    private static readonly IReadOnlyList<(Func<FindingDraft, string?> Get, Action<FindingDraft, string?> Set)> Texts =
    [
        (d => d.SectorOther, (d, v) => d.SectorOther = v),
        (d => d.City, (d, v) => d.City = v),
        (d => d.Place, (d, v) => d.Place = v),
        (d => d.Unit, (d, v) => d.Unit = v),
        (d => d.Description, (d, v) => d.Description = v ?? ""),
        (d => d.Basis, (d, v) => d.Basis = v),
        (d => d.ResponsibleUnit, (d, v) => d.ResponsibleUnit = v),
        (d => d.HandedOverTo, (d, v) => d.HandedOverTo = v),
    ];

    /// <summary>Takes anything identifying a person out of the free texts (see <see cref="IdentityScrubber"/>): where input enters the draft.</summary>
    public void ScrubIdentities() => IdentityScrubber.ScrubEach(this, Texts);

    /// <summary>An edit of a saved finding: everything it holds, and the card first.</summary>
    public static FindingDraft From(Finding finding)
    {
        var draft = new FindingDraft
        {
            EditingFindingId = finding.Id,
            ReturnToReview = true,
            EditingRevision = finding.Revision,
            Place = finding.Place,
            Latitude = finding.Latitude,
            Longitude = finding.Longitude,
            Description = finding.Description,
            Severity = finding.Severity,
            Basis = finding.Basis,
            Evidence = [.. finding.Evidence],
            ResponsibleUnit = finding.ResponsibleUnit,
            ResponsiblePerson = finding.ResponsiblePerson,
            Deadline = finding.Deadline,
            FixedOnSpot = finding.FixedOnSpot,
            HandedOverTo = finding.HandedOverTo,
            NoteId = finding.NoteId,
        };
        finding.WriteTo(draft);
        return draft;
    }

    /// <summary>
    /// Copies the entered fields onto a finding. On a saved finding the rectification fields are left
    /// alone: once saved, they change only through the ledger's steps (with their reasons and history).
    /// </summary>
    public void ApplyTo(Finding finding, bool includeRectification = true)
    {
        finding.Aspect = Aspect ?? finding.Aspect;
        finding.Sector = Sector ?? finding.Sector;
        finding.SectorOther = Sector == Findings.Sector.Other ? SectorOther : null;
        finding.Method = Method ?? finding.Method;
        finding.Covert = Covert ?? finding.Covert;
        finding.City = City ?? "";
        finding.Place = Place;
        finding.Latitude = Latitude;
        finding.Longitude = Longitude;
        finding.Unit = Unit ?? "";
        finding.Description = Description;
        finding.Severity = Severity ?? finding.Severity;
        finding.Basis = Basis;
        finding.Evidence = [.. Evidence];
        finding.NoteId = NoteId;
        if (includeRectification)
        {
            finding.ResponsibleUnit = ResponsibleUnit;
            finding.ResponsiblePerson = ResponsiblePerson;
            finding.Deadline = Deadline;
            finding.FixedOnSpot = FixedOnSpot;
            finding.HandedOverTo = HandedOverTo;
        }
    }
}
