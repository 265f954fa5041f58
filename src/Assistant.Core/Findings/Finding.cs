namespace Assistant.Core.Findings;

/// <summary>
/// A problem or hazard found by the team, classified the way the feedback needs it. Saved findings
/// get a number per team (<see cref="Code"/>, e.g. G7-012). Every change after saving is kept in
/// the audit trail (<see cref="FindingChange"/>). Its classification (aspect, sector, method, covert, city, unit) is
/// declared by <see cref="FindingClassification"/> and stored among its own fields.
/// </summary>
public sealed class Finding : FindingClassification
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public int Number { get; set; }

    /// <summary>Readable number, team code and sequence: G7-012.</summary>
    public string Code { get; set; } = "";

    public long AuthorId { get; set; }

    public string AuthorName { get; set; } = "";

    public string? Place { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string Description { get; set; } = "";

    public Severity Severity { get; set; }

    /// <summary>The rule it breaks (依据); asked for major hazards.</summary>
    public string? Basis { get; set; }

    public List<Evidence> Evidence { get; set; } = [];

    public string? ResponsibleUnit { get; set; }

    public string? ResponsiblePerson { get; set; }

    public DateOnly? Deadline { get; set; }

    /// <summary>立行立改: fixed on the spot.</summary>
    public bool FixedOnSpot { get; set; }

    /// <summary>The local authority or department the problem was handed over to for checking (移交属地), if any.</summary>
    public string? HandedOverTo { get; set; }

    /// <summary>The note it was made from, if any.</summary>
    public int? NoteId { get; set; }

    /// <summary>The day (team time) it was recorded: the day whose brief it belongs to.</summary>
    public DateOnly Day { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Increases with every saved change; buttons on an older card are stale.</summary>
    public int Revision { get; set; }

    // ---- Rectification (整改) ----

    public Ledger.RectificationStatus Status { get; set; }

    /// <summary>The registered rectification contact responsible, if any (they see only their own findings).</summary>
    public long? ResponsibleContactId { get; set; }

    /// <summary>Every move of the deadline, with its reason.</summary>
    public List<Ledger.DeadlineChange> DeadlineChanges { get; set; } = [];

    /// <summary>Evidence that it was fixed (photos, documents).</summary>
    public List<Evidence> FixEvidence { get; set; } = [];

    /// <summary>What was done, in words.</summary>
    public string? FixNote { get; set; }

    public DateTime? RectifiedUtc { get; set; }

    /// <summary>Who submitted the fix (or marked it fixed on the spot): may not verify it (four eyes).</summary>
    public long? RectifiedById { get; set; }

    public string? RectifiedByName { get; set; }

    /// <summary>Why the last rectification was sent back.</summary>
    public string? RejectReason { get; set; }

    public long? VerifiedById { get; set; }

    public string? VerifiedByName { get; set; }

    public DateTime? VerifiedUtc { get; set; }

    /// <summary>The verification opinion (验收意见) given when the item was closed.</summary>
    public string? VerificationOpinion { get; set; }

    /// <summary>Evidence the verifier added (photos, documents of the check), if any.</summary>
    public List<Evidence> VerificationEvidence { get; set; } = [];

    /// <summary>Team, author and day in one index key, kept by the store: the author's findings of a day (their defaults) in one look-up.</summary>
    public string? AuthorDayKey { get; set; }

    /// <summary>The team's ledger index key, kept by the store (see <see cref="Ledger.LedgerKeys"/>).</summary>
    public string LedgerKey { get; set; } = "";

    /// <summary>The responsible contact's ledger index key (null when none is registered), kept by the store.</summary>
    public string? ContactLedgerKey { get; set; }

    // ---- Duplicates (see Duplicates/FindingMerger) ----

    /// <summary>
    /// Set when this finding was merged into another as a duplicate: it is kept, but no longer counted, listed in the
    /// ledger or reminded of; its number resolves to that finding.
    /// </summary>
    public int? MergedIntoId { get; set; }

    /// <summary>The number of the finding it was merged into (G7-004); numbers never change.</summary>
    public string? MergedIntoCode { get; set; }

    public DateTime? MergedUtc { get; set; }

    public string? MergedByName { get; set; }

    /// <summary>The authors of the duplicates merged into this finding, besides its own author.</summary>
    public List<Contributor> Contributors { get; set; } = [];

    [LiteDB.BsonIgnore]
    public bool IsMerged => MergedIntoId is not null;
}

/// <summary>A member who recorded a duplicate that was merged into a finding: a second author of it.</summary>
public sealed class Contributor
{
    public long UserId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The number of the finding they recorded (G7-012).</summary>
    public string FromCode { get; set; } = "";

    public DateTime AddedUtc { get; set; }
}

/// <summary>One changed field of a saved finding: who, when, old and new value.</summary>
public sealed class FindingChange
{
    public long Id { get; set; }

    public int FindingId { get; set; }

    public int TeamId { get; set; }

    public long UserId { get; set; }

    public string UserName { get; set; } = "";

    public DateTime TimeUtc { get; set; }

    public string Field { get; set; } = "";

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }
}
