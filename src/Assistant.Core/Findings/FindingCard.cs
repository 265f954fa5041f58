using Assistant.Core.Teams;

namespace Assistant.Core.Findings;

/// <summary>Renders a finding (saved, or a draft being reviewed) as a card in the reader's language.</summary>
public static class FindingCard
{
    /// <summary>Descriptions longer than this are shortened on the review card (the saved card shows all).</summary>
    public const int ReviewDescriptionLength = 1200;

    public static string Render(Texts t, Finding f, bool fullDescription = true)
    {
        var sb = new StringBuilder();
        var title = f.Code.Length > 0 ? Html.Bold(f.Code) : $"<b>{t["card.draft_title"]}</b>";
        sb.Append(title).Append(" · ").Append(t[f.Severity.Key()]).Append(" · ").Append(t[Classification.OpennessKey(f.Covert)]);
        if (f.MergedIntoCode is { } into)
        {
            sb.Append('\n').Append(t.Format("card.merged_into", into));
        }

        Line(sb, t, "field.aspect", t[f.Aspect.Key()]);
        Line(sb, t, "field.sector", Html.Escape(SectorNames.Label(t, f.Sector, f.SectorOther)));
        Line(sb, t, "field.method", t[f.Method.Key()]);
        var place = Html.Escape(f.City) + (string.IsNullOrWhiteSpace(f.Place) ? "" : " · " + Html.Escape(f.Place));
        if (f.Latitude is { } lat && f.Longitude is { } lon)
        {
            place += string.Create(CultureInfo.InvariantCulture, $" (📍{lat:F5}, {lon:F5})");
        }

        Line(sb, t, "field.place", place);
        Line(sb, t, "field.unit", Html.Escape(f.Unit));
        var description = f.Description;
        if (!fullDescription && description.Length > ReviewDescriptionLength)
        {
            description = description[..ReviewDescriptionLength] + "… " + t.Format("card.description_length", f.Description.Length);
        }

        Line(sb, t, "field.description", Html.Escape(description));
        if (!string.IsNullOrWhiteSpace(f.Basis))
        {
            Line(sb, t, "field.basis", Html.Escape(f.Basis));
        }

        Line(sb, t, "field.evidence", EvidenceText.Summary(t, f.Evidence));
        Line(sb, t, "field.responsible_unit", Html.Escape(f.ResponsibleUnit) is { Length: > 0 } unit ? unit : t["card.not_set"]);
        Line(sb, t, "field.responsible_person", Html.Escape(f.ResponsiblePerson) is { Length: > 0 } person ? person : t["card.not_set"]);
        Line(sb, t, "field.deadline", f.Deadline is { } d ? Date(t, d) : t["card.not_set"]);
        Line(sb, t, "field.fixed_on_spot", t[f.FixedOnSpot ? "common.yes" : "common.no"]);
        if (!string.IsNullOrWhiteSpace(f.HandedOverTo))
        {
            Line(sb, t, "field.handed_over", Html.Escape(f.HandedOverTo));
        }

        if (FindingText.HadIdentityRemoved(f))
        {
            sb.Append('\n').Append(t["card.identity_removed"]);
        }

        if (f.AuthorName.Length > 0)
        {
            sb.Append('\n').Append(t.Format("card.recorded_by", f.AuthorName, Date(t, f.Day)));
        }

        if (f.Contributors.Count > 0)
        {
            var names = string.Join(t["list.separator"], f.Contributors.Select(c => t.Format("card.contributor", c.Name, c.FromCode)));
            sb.Append('\n').Append(t.Format("card.contributors", new SafeHtml(names)));
        }

        return sb.ToString();
    }

    /// <summary>The buttons under a finding's card for this reader: edit and history, for whoever may edit it.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>>? Buttons(Texts t, Finding finding, Member reader)
    {
        if (!FindingVisibility.CanEdit(reader, finding))
        {
            return null;
        }

        var id = finding.Id.ToString(CultureInfo.InvariantCulture);
        return
        [[
            new Button(t["finding.edit"], $"fd:e:{id}:{finding.Revision.ToString(CultureInfo.InvariantCulture)}"),
            new Button(t["finding.history"], $"fd:h:{id}"),
        ]];
    }

    /// <summary>One line of a list: G7-012 · sector · unit · severity (· covert) (· merged into G7-004).</summary>
    public static string ListLine(Texts t, Finding f) =>
        $"{Html.Bold(f.Code)} · {t[f.Sector.Key()]} · {Html.Escape(TextPreview.Shorten(f.Unit, 24))} · {t[f.Severity.Key()]}{(f.Covert ? " · " + t["openness.covert"] : "")}"
        + (f.MergedIntoCode is { } into ? " · " + t.Format("card.merged_mark", into) : "");

    public static string Date(Texts t, DateOnly date) => DateText.Full(t, date);

    private static void Line(StringBuilder sb, Texts t, string fieldKey, string valueHtml) =>
        sb.Append('\n').Append(t[fieldKey]).Append(t["card.colon"]).Append(valueHtml);
}
