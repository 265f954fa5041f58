namespace Assistant.Core.Findings;

/// <summary>
/// What a member classifies a finding by: aspect, sector, method, open or covert, city and unit. A saved
/// <see cref="Finding"/> holds them, and so do the member's <see cref="FindingDefaults"/> (the values of their latest
/// finding of the day); the one list of these fields, and the one copy of them onto a <see cref="FindingDraft"/>.
/// Stored as the fields of the document that holds them (no nested document), as before this type existed.
/// </summary>
public abstract class FindingClassification
{
    public Aspect Aspect { get; set; }

    public Sector Sector { get; set; }

    /// <summary>The sector in words when <see cref="Sector"/> is Other.</summary>
    public string? SectorOther { get; set; }

    public Method Method { get; set; }

    /// <summary>暗访: visible only to the author, the liaison and the leader; never in a group.</summary>
    public bool Covert { get; set; }

    /// <summary>City or county (市、县、区).</summary>
    public string City { get; set; } = "";

    /// <summary>The unit inspected (被检查单位).</summary>
    public string Unit { get; set; } = "";

    /// <summary>Takes every value of <paramref name="other"/>.</summary>
    protected void ClassifyAs(FindingClassification other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Aspect = other.Aspect;
        Sector = other.Sector;
        SectorOther = other.SectorOther;
        Method = other.Method;
        Covert = other.Covert;
        City = other.City;
        Unit = other.Unit;
    }

    /// <summary>Writes every value onto the draft, over what it holds.</summary>
    internal void WriteTo(FindingDraft draft)
    {
        draft.Aspect = Aspect;
        draft.Sector = Sector;
        draft.SectorOther = SectorOther;
        draft.Method = Method;
        draft.Covert = Covert;
        draft.City = City;
        draft.Unit = Unit;
    }
}
