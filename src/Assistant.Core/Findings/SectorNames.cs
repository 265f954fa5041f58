namespace Assistant.Core.Findings;

/// <summary>
/// A finding's sector as every screen, document and export names it: the sector in the reader's language, and for a
/// sector typed in as other, "其他（综合监管）" / "Other (综合监管)". The category stays 其他, as the counts by sector
/// (/stats, the dashboard, the brief) have it; what was typed in follows in brackets, so one sector has one name.
/// </summary>
public static class SectorNames
{
    public static string Label(Texts t, Sector sector, string? other) =>
        sector == Sector.Other && !string.IsNullOrWhiteSpace(other) ? t.Plain("sector.other_named", other.Trim()) : t[sector.Key()];
}
