namespace Assistant.Core.Localization;

/// <summary>How answers and cards write a set of evidence, in the reader's language: "照片 2、文件 1".</summary>
public static class EvidenceText
{
    /// <summary>The count of each kind, in the kinds' order; "无" / "none" when there is none.</summary>
    public static string Summary(Texts t, IReadOnlyCollection<Evidence> evidence)
    {
        if (evidence.Count == 0)
        {
            return t["card.none"];
        }

        var parts = evidence.GroupBy(e => e.Kind).OrderBy(g => g.Key).Select(g => t.Format("evidence." + g.Key.ToString().ToLowerInvariant(), g.Count()));
        return string.Join(t["list.separator"], parts);
    }
}
