using Assistant.Core.Teams;

namespace Assistant.Core.Leads;

/// <summary>A lead as a line of /leads and as a card, with the buttons of the steps the reader may take (ld:a:ID:ACTION).</summary>
public static class LeadCard
{
    public static IReadOnlyList<IReadOnlyList<Button>> OpenButton(Texts t, Lead lead) => [[new Button(t.Plain("leads.open", lead.Code), View(lead))]];

    public static string View(Lead lead) => "ld:v:" + lead.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the member is told when a lead is made from what they saved.</summary>
    public static string Created(Texts t, Lead lead, DateOnly today) => lead.DueDate is { } due
        ? t.Format("leads.created_due", lead.Code, new SafeHtml(DateText.Short(t, due, today)))
        : t.Format("leads.created", lead.Code);

    public static int DaysOverdue(Lead lead, DateOnly today) =>
        lead.IsOpen && lead.DueDate is { } due && today > due ? today.DayNumber - due.DayNumber : 0;

    /// <summary>The status in words: closed with its result, overdue, answered, due by a date, or awaiting an answer.</summary>
    public static string Status(Texts t, Lead lead, DateOnly today)
    {
        if (!lead.IsOpen)
        {
            return t.Format("leads.status.closed", t[ResultKey(lead.Result)]);
        }

        if (lead.Answer is not null || lead.AnswerDocuments.Count > 0)
        {
            return t.Format("leads.status.answered", t[ResultKey(lead.Result)]);
        }

        return DaysOverdue(lead, today) is var days && days > 0 ? t.Format("leads.status.overdue", days)
            : lead.DueDate is { } due ? t.Format("leads.status.due", new SafeHtml(DateText.Short(t, due, today)))
            : t["leads.status.awaiting"];
    }

    public static string ResultKey(LeadResult result) => "leads.result." + result.ToString().ToLowerInvariant();

    public static string Line(Texts t, Lead lead, DateOnly today) =>
        Html.Bold(lead.Code) + " " + Html.Escape(Short(lead.Subject)) + " · " + Status(t, lead, today);

    public static string Full(Texts t, Lead lead, DateOnly today)
    {
        var sb = new StringBuilder(Html.Bold(t.Plain("leads.card_title", lead.Code)));
        Field(sb, t, "leads.field.channel", Html.Escape(t["leads.channel." + lead.Channel.ToString().ToLowerInvariant()]));
        Field(sb, t, "leads.field.subject", Html.Escape(lead.Subject));
        Field(sb, t, "leads.field.handed_to", Html.Escape(lead.HandedOverTo ?? t["card.not_set"]));
        Field(sb, t, "leads.field.due", lead.DueDate is { } due ? DateText.Full(t, due) : Html.Escape(t["leads.no_due"]));
        Field(sb, t, "leads.field.status", Status(t, lead, today));
        if (lead.Answer is not null)
        {
            Field(sb, t, "leads.field.answer", Html.Escape(lead.Answer));
        }

        if (lead.AnswerDocuments.Count > 0)
        {
            Field(sb, t, "leads.field.documents", Html.Escape(string.Join(t["list.separator"], lead.AnswerDocuments.Select(d => d.FileName))));
        }

        if (lead.FindingCodes.Count > 0)
        {
            Field(sb, t, "leads.field.findings", Html.Escape(string.Join(t["list.separator"], lead.FindingCodes)));
        }

        if (lead.ClosedByName is { } closer)
        {
            Field(sb, t, "leads.field.closed_by", Html.Escape(closer));
        }

        foreach (var e in lead.History.Where(e => e.Action == LeadAction.Reopen || e.MergedFrom is not null))
        {
            sb.Append('\n').Append(e.MergedFrom is { } merged
                ? t.Format("leads.history.merged", merged, e.Detail ?? "")
                : t.Format("leads.history.reopened", new SafeHtml(DateText.Short(t, DateOnly.FromDateTime(e.WhenUtc), today)), e.ByName, e.Detail ?? ""));
        }

        return sb.ToString();
    }

    /// <summary>The buttons of the steps the reader's role allows on the lead as it stands.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>>? Buttons(Texts t, Lead lead, Member reader)
    {
        var rows = Enum.GetValues<LeadAction>()
            .Where(a => LeadService.May(reader, lead, a) && LeadService.Applies(lead, a))
            .Select(a => new Button(t["leads.action." + a.ToString().ToLowerInvariant()], $"ld:a:{lead.Id.ToString(CultureInfo.InvariantCulture)}:{a}"))
            .Chunk(2)
            .Select(row => (IReadOnlyList<Button>)row)
            .ToList();
        return rows.Count == 0 ? null : rows;
    }

    private static string Short(string text) => TextPreview.Shorten(text, 40);

    private static void Field(StringBuilder sb, Texts t, string key, string valueHtml) =>
        sb.Append('\n').Append(Html.Escape(t[key])).Append(t["card.colon"]).Append(valueHtml);
}
