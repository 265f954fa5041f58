using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Notes;
using Assistant.Core.Teams;

namespace Assistant.Core.Leads;

/// <summary>
/// Makes leads as records are saved: a tip (Notes' <see cref="ITipSavedHandler"/>: its subject, its handling as
/// whom it went to, the date the handling names) and a finding handed over (Findings' <see cref="IFindingCreatedHandler"/>:
/// the unit and the problem, the authority, the date the handover names). Every text is scrubbed of identities first, so
/// a tipster's identity never enters a lead. A tip saved again updates its lead.
/// </summary>
public sealed class LeadIntake(LeadStore leads, TeamStore teams) : ITipSavedHandler, IFindingCreatedHandler
{
    /// <summary>The longest subject kept.</summary>
    public const int MaxSubject = 200;

    public string? TipSaved(UpdateContext context, Note note)
    {
        if (context.Team is not { } team)
        {
            return null;
        }

        var (lead, created) = FromTip(team, note, context.Today, context.DateOptions(DateQuestion.Plan), context.UtcNow);
        return lead is null ? null : created ? LeadCard.Created(context.T, lead, context.Today) : context.T.Format("leads.updated", lead.Code);
    }

    /// <summary>
    /// The tip's lead, made (<c>Created</c>) or brought up to date; null when the tip is another team's, names no
    /// subject, or its text would identify someone. <paramref name="today"/> is the day relative dates in the
    /// handling ("11月8日前反馈") are read from.
    /// </summary>
    public (Lead? Lead, bool Created) FromTip(Team team, Note note, DateOnly today, DateInputOptions dates, DateTime utcNow)
    {
        if (note.TeamId != team.Id || string.IsNullOrWhiteSpace(note.TipSubject))
        {
            return (null, false);
        }

        var subject = Clip(IdentityScrubber.Scrub(note.TipSubject));
        var handling = IdentityScrubber.ScrubOrNull(note.TipHandling);
        var due = LeadDueDate.In(handling, today, dates);
        if (leads.FromNote(team.Id, note.Id) is { } existing)
        {
            existing.Subject = subject;
            existing.HandedOverTo = handling;
            existing.DueDate = due ?? existing.DueDate;
            leads.Update(existing);
            return (existing, false);
        }

        return (leads.Add(team.Id, LeadChannel.Tip, subject, handling, due, note.AuthorId, utcNow, l => l.SourceNoteId = note.Id), true);
    }

    public void Created(FindingDraft draft, Member author, Finding finding)
    {
        if (string.IsNullOrWhiteSpace(finding.HandedOverTo) || teams.GetTeam(finding.TeamId) is not { } team)
        {
            return;
        }

        var handedTo = IdentityScrubber.Scrub(finding.HandedOverTo);
        var subject = Clip(IdentityScrubber.Scrub($"{finding.Unit}：{finding.Description.Trim()}"));
        var due = LeadDueDate.In(handedTo, finding.Day, new DateInputOptions(DateQuestion.Plan, team.VisitFrom, team.VisitTo));
        leads.Add(team.Id, LeadChannel.HandedOverFinding, subject, handedTo, due, author.Id, finding.CreatedUtc, l =>
        {
            l.SourceFindingId = finding.Id;
            l.FindingCodes.Add(finding.MergedIntoCode ?? finding.Code); // saved into the finding it repeats: that one
        });
    }

    private static string Clip(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= MaxSubject ? line : line[..(MaxSubject - 1)] + "…";
    }
}
