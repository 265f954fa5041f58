using Assistant.Core.Teams;

namespace Assistant.Core.Findings;

/// <summary>Saves findings (numbering them per team) and edits them, recording every change.</summary>
public sealed class FindingService(FindingStore store, TeamStore teams, Ledger.LedgerReminders reminders)
{
    /// <summary>Saves a new finding. Call inside the update's transaction.</summary>
    public Finding Create(Team team, Member author, FindingDraft draft, DateOnly day, DateTime utcNow)
    {
        var number = teams.NextFindingNumber(team.Id);
        var finding = new Finding
        {
            TeamId = team.Id,
            Number = number,
            Code = Code(team, number),
            AuthorId = author.Id,
            AuthorName = author.DisplayName,
            Day = day,
            CreatedUtc = utcNow,
            UpdatedUtc = utcNow,
            Revision = 1,
        };
        draft.ApplyTo(finding);
        finding.Status = Ledger.LedgerService.Initial(finding);
        if (finding.FixedOnSpot)
        {
            finding.RectifiedUtc = utcNow;
            finding.RectifiedById = author.Id;
            finding.RectifiedByName = author.DisplayName;
        }

        store.Insert(finding);
        RememberPlaces(finding);
        reminders.Plan(finding, utcNow);
        store.AddChange(finding, author, utcNow, "created", null, finding.Code);
        return finding;
    }

    /// <summary>
    /// Applies an edit to a saved finding, recording each changed field. Returns null when the
    /// finding changed since the edit began (someone else saved first) or the editor may not edit.
    /// </summary>
    public (Finding? Finding, int Changed) Update(int findingId, int expectedRevision, Member editor, FindingDraft draft, DateTime utcNow)
    {
        var finding = store.Get(findingId);
        if (finding is null || finding.Revision != expectedRevision || !FindingVisibility.CanEdit(editor, finding))
        {
            return (null, 0);
        }

        var before = Snapshot(finding);
        draft.ApplyTo(finding, includeRectification: false);
        var after = Snapshot(finding);
        var changed = 0;
        foreach (var (field, old) in before)
        {
            var now = after[field];
            if (old == now)
            {
                continue;
            }

            changed++;
            store.AddChange(finding, editor, utcNow, field, old, now);
        }

        if (changed > 0)
        {
            finding.Revision++;
            finding.UpdatedUtc = utcNow;
            store.Update(finding);
            RememberPlaces(finding);
        }

        return (finding, changed);
    }

    /// <summary>
    /// Offers the unit and city to the team next time (buttons every member sees), except those of a
    /// covert finding: they would tell the whole team where the covert visit went.
    /// </summary>
    private void RememberPlaces(Finding finding)
    {
        if (!finding.Covert)
        {
            store.Remember(finding.TeamId, finding.Unit, finding.City);
        }
    }

    public static string Code(Team team, int number) =>
        $"{team.Code}-{number.ToString("000", CultureInfo.InvariantCulture)}";

    /// <summary>Every editable field as text, for the audit trail.</summary>
    private static Dictionary<string, string?> Snapshot(Finding f) => new()
    {
        ["aspect"] = f.Aspect.ToString(),
        ["sector"] = f.Sector == Sector.Other ? $"Other: {f.SectorOther}" : f.Sector.ToString(),
        ["method"] = f.Method.ToString(),
        ["covert"] = f.Covert ? "covert" : "open",
        ["city"] = f.City,
        ["place"] = f.Place,
        ["location"] = f.Latitude is null ? null : string.Create(CultureInfo.InvariantCulture, $"{f.Latitude:F6},{f.Longitude:F6}"),
        ["unit"] = f.Unit,
        ["description"] = f.Description,
        ["severity"] = f.Severity.ToString(),
        ["basis"] = f.Basis,
        ["evidence"] = string.Join(",", f.Evidence.Select(e => e.FileId)),
        ["responsible_unit"] = f.ResponsibleUnit,
        ["responsible_person"] = f.ResponsiblePerson,
        ["deadline"] = f.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["fixed_on_spot"] = f.FixedOnSpot ? "yes" : "no",
    };
}
