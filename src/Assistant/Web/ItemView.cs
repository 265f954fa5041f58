using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Teams;

namespace Assistant.Web;

/// <summary>A label and its value, as the card lists them.</summary>
public sealed record FieldView(string Label, string Value);

/// <summary>One entry of an item's history: when (team time), who, what changed.</summary>
public sealed record HistoryView(string When, string Who, string What);

/// <summary>One piece of evidence: its kind, its name, when it was added; <c>Fix</c> for evidence of the rectification.</summary>
public sealed record EvidenceView(string Kind, string Name, string Added, bool Fix);

/// <summary>A step the reader may take now, and what the page must ask for it (deadline, reason, note, opinion).</summary>
public sealed record ActionView(string Action, string Label, IReadOnlyList<string> Needs);

/// <summary>A ledger item as its card shows it to one reader, with the steps the reader's role allows from its state.</summary>
public sealed record ItemView(
    string Code,
    int Revision,
    string Title,
    bool Covert,
    bool Major,
    string Status,
    string StatusValue,
    string? Deadline,
    string DeadlineLabel,
    int DaysOverdue,
    IReadOnlyList<FieldView> Fields,
    IReadOnlyList<FieldView> Rectification,
    IReadOnlyList<HistoryView> History,
    IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<ActionView> Actions)
{
    /// <summary>The entity tag of this state of the item: an action must name it (If-Match), and every action changes it.</summary>
    public static string ETag(Finding f) => "\"" + f.Revision.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>The Mini App's names of the steps it offers (assigning a contact stays in the chat, which lists the contacts).</summary>
    public static readonly IReadOnlyDictionary<string, RectificationAction> Steps = new Dictionary<string, RectificationAction>(StringComparer.Ordinal)
    {
        ["start"] = RectificationAction.Start,
        ["submit"] = RectificationAction.SubmitFix,
        ["verify"] = RectificationAction.Verify,
        ["reject"] = RectificationAction.Reject,
        ["extend"] = RectificationAction.ExtendDeadline,
        ["fixonspot"] = RectificationAction.FixOnSpot,
    };

    public static ItemView Of(Texts t, Finding f, Member reader, DateOnly today, TimeZoneInfo zone, IReadOnlyList<FindingChange> changes)
    {
        string Date(DateOnly d) => FindingCard.Date(t, d);
        string When(DateTime utc) => TimeZones.ToLocal(utc, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var notSet = t["card.not_set"];
        var fields = new List<FieldView>
        {
            new(t["field.unit"], f.Unit),
            new(t["field.place"], string.IsNullOrWhiteSpace(f.Place) ? f.City : $"{f.City} · {f.Place}"),
            new(t["field.sector"], WebTexts.Sector(t, f)),
            new(t["field.aspect"], t[f.Aspect.Key()]),
            new(t["field.method"], t[f.Method.Key()] + " · " + t[Classification.OpennessKey(f.Covert)]),
            new(t["field.description"], f.Description),
        };
        if (!string.IsNullOrWhiteSpace(f.Basis))
        {
            fields.Add(new(t["field.basis"], f.Basis));
        }

        fields.Add(new(t["field.responsible_unit"], string.IsNullOrWhiteSpace(f.ResponsibleUnit) ? notSet : f.ResponsibleUnit));
        fields.Add(new(t["field.responsible_person"], string.IsNullOrWhiteSpace(f.ResponsiblePerson) ? notSet : f.ResponsiblePerson));
        if (!string.IsNullOrWhiteSpace(f.HandedOverTo))
        {
            fields.Add(new(t["field.handed_over"], f.HandedOverTo));
        }

        fields.Add(new(t["web.recorded_by"], $"{f.AuthorName} · {Date(f.Day)}"));

        var rectification = new List<FieldView>();
        foreach (var change in f.DeadlineChanges)
        {
            rectification.Add(new(t["web.deadline_changed"], t.Plain("web.deadline_change", change.From is { } from ? Date(from) : notSet, Date(change.To), change.Reason, change.ByName)));
        }

        if (f.FixEvidence.Count > 0 || !string.IsNullOrWhiteSpace(f.FixNote))
        {
            rectification.Add(new(t["ledger.field.fix"], f.FixNote ?? ""));
        }

        if (!string.IsNullOrWhiteSpace(f.RejectReason) && f.Status == RectificationStatus.InProgress)
        {
            rectification.Add(new(t["web.sent_back"], f.RejectReason));
        }

        if (f.VerifiedUtc is { } verified)
        {
            rectification.Add(new(t["ledger.col.verified_by"], $"{f.VerifiedByName} · {When(verified)}"));
        }

        var evidence = f.Evidence.Select(e => EvidenceOf(t, e, fix: false, When))
            .Concat(f.FixEvidence.Select(e => EvidenceOf(t, e, fix: true, When))).ToList();
        var actions = RectificationMachine.Available(f, reader)
            .SelectMany(a => Steps.Where(s => s.Value == a).Select(s => new ActionView(s.Key, t[a.Key()], Needs(a))))
            .ToList();

        return new ItemView(
            f.Code,
            f.Revision,
            t[f.Severity.Key()],
            f.Covert,
            f.Severity == Severity.MajorHazard,
            t[f.Status.Key()],
            f.Status.ToString(),
            f.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            f.Deadline is { } deadline ? Date(deadline) : notSet,
            f.DaysOverdue(today),
            fields,
            rectification,
            [.. changes.Select(c => new HistoryView(When(c.TimeUtc), c.UserName, Change(t, c)))],
            evidence,
            actions);
    }

    private static IReadOnlyList<string> Needs(RectificationAction action) => action switch
    {
        RectificationAction.ExtendDeadline => ["deadline", "reason"],
        RectificationAction.Reject => ["reason"],
        RectificationAction.SubmitFix => ["note"],
        RectificationAction.Verify => ["opinion"],
        _ => [],
    };

    private static EvidenceView EvidenceOf(Texts t, Core.Messaging.Evidence e, bool fix, Func<DateTime, string> when) =>
        new(t["web.evidence." + e.Kind.ToString().ToLowerInvariant()], e.FileName ?? "", when(e.AddedUtc), fix);

    /// <summary>A change in words: statuses and dates by their names, a step's reason after it.</summary>
    private static string Change(Texts t, FindingChange c)
    {
        if (c.Field == "created")
        {
            return t["web.history.created"];
        }

        var (value, reason) = SplitReason(c.NewValue);
        var text = c.Field switch
        {
            "status" => t.Plain("web.history.change", t["ledger.field.status"], StatusName(t, c.OldValue), StatusName(t, value)),
            "deadline" => t.Plain("web.history.change", t["field.deadline"], DateName(t, c.OldValue), DateName(t, value)),
            _ => t.Plain("web.history.change", t.Has("field." + c.Field.ToLowerInvariant()) ? t["field." + c.Field.ToLowerInvariant()] : c.Field, c.OldValue ?? t["card.not_set"], c.NewValue ?? t["card.not_set"]),
        };
        return reason is null || c.Field is not ("status" or "deadline") ? text : text + t.Plain("web.history.reason", reason);
    }

    private static (string? Value, string? Reason) SplitReason(string? value)
    {
        var open = value?.IndexOf(" (", StringComparison.Ordinal) ?? -1;
        return open > 0 && value!.EndsWith(')') ? (value[..open], value[(open + 2)..^1]) : (value, null);
    }

    private static string StatusName(Texts t, string? value) =>
        Enum.TryParse<RectificationStatus>(value, out var status) && Enum.IsDefined(status) ? t[status.Key()] : value ?? t["card.not_set"];

    private static string DateName(Texts t, string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? FindingCard.Date(t, date) : value ?? t["card.not_set"];
}
