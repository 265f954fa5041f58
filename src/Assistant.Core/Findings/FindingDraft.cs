using Assistant.Core.Conversations;

namespace Assistant.Core.Findings;

/// <summary>
/// What has been entered in the finding flow so far (the draft's data). Its free texts are scrubbed of anything identifying
/// a person (<see cref="IdentityScrubber"/>) as they are set, whatever sets them (an answer, a caption, a note or a voice
/// transcript turned into a finding, the model's refinement, an edit), so a tipster's identity is neither shown on the card
/// nor saved. The name of the person responsible for the rectification is the one free text kept as typed.
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

    public string? SectorOther { get; set => field = IdentityScrubber.ScrubOrNull(value); }

    public Method? Method { get; set; }

    public bool? Covert { get; set; }

    public string? City { get; set => field = IdentityScrubber.ScrubOrNull(value); }

    public string? Place { get; set => field = IdentityScrubber.ScrubOrNull(value); }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? Unit { get; set => field = IdentityScrubber.ScrubOrNull(value); }

    public string Description { get; set => field = IdentityScrubber.Scrub(value); } = "";

    public Severity? Severity { get; set; }

    public string? Basis { get; set => field = IdentityScrubber.ScrubOrNull(value); }

    public List<Evidence> Evidence { get; set; } = [];

    public string? ResponsibleUnit { get; set => field = IdentityScrubber.ScrubOrNull(value); }

    public string? ResponsiblePerson { get; set; }

    public DateOnly? Deadline { get; set; }

    /// <summary>A deadline typed far ahead, waiting for the member to confirm it (see <see cref="DeadlineAnswer"/>).</summary>
    public DateOnly? PendingDeadline { get; set; }

    public bool FixedOnSpot { get; set; }

    public string? HandedOverTo { get; set => field = IdentityScrubber.ScrubOrNull(value); }

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

    /// <summary>An edit of a saved finding: everything it holds, and the card first.</summary>
    public static FindingDraft From(Finding finding) => new()
    {
        EditingFindingId = finding.Id,
        ReturnToReview = true,
        EditingRevision = finding.Revision,
        Aspect = finding.Aspect,
        Sector = finding.Sector,
        SectorOther = finding.SectorOther,
        Method = finding.Method,
        Covert = finding.Covert,
        City = finding.City,
        Place = finding.Place,
        Latitude = finding.Latitude,
        Longitude = finding.Longitude,
        Unit = finding.Unit,
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
