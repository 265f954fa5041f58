using Assistant.Core.Ledger;
using Assistant.Core.Teams;

namespace Assistant.Core.Findings.Duplicates;

/// <summary>Why a merge was not done. Each has its sentence in the catalogs (<see cref="MergeRules.Key"/>).</summary>
public enum MergeRefusal
{
    /// <summary>Two saved findings are merged by the leader or the liaison only; at save, by whoever may record findings.</summary>
    NotAllowed,

    SameFinding,

    /// <summary>The duplicate was already merged (into <see cref="MergeOutcome.Refused.Other"/>).</summary>
    SourceMerged,

    /// <summary>The finding to merge into was itself merged (into <see cref="MergeOutcome.Refused.Other"/>, the one to use).</summary>
    TargetMerged,

    /// <summary>The finding to merge into is closed (销号): a problem seen again is a new finding.</summary>
    TargetClosed,

    /// <summary>One is covert and the other open: merging would show a covert visit to the open finding's readers.</summary>
    OpennessDiffers,

    /// <summary>The draft lacks what a saved finding needs.</summary>
    Incomplete,
}

/// <summary>What a merge did, or why not.</summary>
public abstract record MergeOutcome
{
    /// <summary>Done: <paramref name="Source"/> is now merged into <paramref name="Target"/> (both as saved).</summary>
    public sealed record Merged(Finding Target, Finding Source) : MergeOutcome;

    /// <summary>Either finding does not exist or is not this person's to see; the same answer either way.</summary>
    public sealed record NotFound : MergeOutcome;

    /// <summary>A finding changed since its card was shown (<paramref name="Current"/> as it is now).</summary>
    public sealed record Stale(Finding Current) : MergeOutcome;

    /// <summary>Not allowed, with the finding it concerns when there is one (the one a merged finding went into).</summary>
    public sealed record Refused(MergeRefusal Reason, Finding? Other = null) : MergeOutcome;
}

/// <summary>Catalog keys of the refusals.</summary>
public static class MergeRules
{
    public static string Key(this MergeRefusal refusal) => refusal switch
    {
        MergeRefusal.NotAllowed => "merge.refused.not_allowed",
        MergeRefusal.SameFinding => "merge.refused.same",
        MergeRefusal.SourceMerged => "merge.refused.source_merged",
        MergeRefusal.TargetMerged => "merge.refused.target_merged",
        MergeRefusal.TargetClosed => "merge.refused.target_closed",
        MergeRefusal.OpennessDiffers => "merge.refused.openness",
        _ => "merge.refused.incomplete",
    };
}

/// <summary>
/// Merges a duplicate (B) into the finding it repeats (A). A keeps its number, fields and rectification and gains B's
/// author as a contributor (and B's contributors), B's evidence and fix evidence, and in its history B's number,
/// description and rectification state. B is kept, marked as merged into A: it leaves every count, list and export
/// (see <see cref="FindingCounts"/>, <see cref="LedgerKeys"/>), its reminders are withdrawn, its number resolves to A,
/// and it can no longer be edited or take a rectification step. Both are written in the caller's transaction, and the
/// <see cref="IFindingMergeObserver"/>s are told (the leads linked to B then show A).
/// </summary>
/// <remarks>
/// Who may merge, checked here whatever the caller: at save (<see cref="SaveInto"/>), the person saving, who must be
/// allowed to record findings and see A; two saved findings (<see cref="Merge"/>), the leader or the liaison. Both
/// must be of one team, both open or both covert (a covert finding's content must never reach an open finding's
/// readers, nor an open one's readers learn of a covert one), neither already merged, and A not closed.
/// </remarks>
public sealed class FindingMerger(
    FindingStore store, FindingService findings, LedgerReminders reminders, EvidenceDownloads downloads, AuditLog audit, IEnumerable<IFindingMergeObserver> observers)
{
    private readonly IReadOnlyList<IFindingMergeObserver> _observers = [.. observers];

    /// <summary>Whether <paramref name="author"/> may add a draft about to be saved to <paramref name="target"/> instead; null when so.</summary>
    /// <param name="author">The person saving.</param>
    /// <param name="draft">The draft about to be saved.</param>
    /// <param name="complete">Whether every required question of the draft is answered (the finding flow's own rule).</param>
    /// <param name="target">The finding it would be added to.</param>
    public static MergeRefusal? CheckSaveInto(Member author, FindingDraft draft, bool complete, Finding target)
    {
        if (!AccessPolicy.Allows(author.Role, Permission.LogFindings))
        {
            return MergeRefusal.NotAllowed;
        }

        if (draft.EditingFindingId is not null)
        {
            // An edit of a saved finding is a merge of two saved findings.
            return MergeRefusal.NotAllowed;
        }

        return !complete ? MergeRefusal.Incomplete : Rules(draft.Covert ?? false, target);
    }

    /// <summary>Whether <paramref name="actor"/> may merge the saved <paramref name="source"/> into <paramref name="target"/>; null when so.</summary>
    public static MergeRefusal? CheckMerge(Member actor, Finding source, Finding target)
    {
        if (!actor.Role.IsCoordinator())
        {
            return MergeRefusal.NotAllowed;
        }

        if (source.Id == target.Id)
        {
            return MergeRefusal.SameFinding;
        }

        return source.IsMerged ? MergeRefusal.SourceMerged : Rules(source.Covert, target);
    }

    /// <summary>
    /// At save: records the draft as a finding of its own (numbered, so what its author recorded keeps a number that
    /// leads to A) and merges it into <paramref name="targetId"/> at once. Queues the download of its evidence.
    /// </summary>
    public MergeOutcome SaveInto(Team team, Member author, FindingDraft draft, bool complete, DateOnly day, int targetId, int targetRevision, DateTime utcNow)
    {
        var target = store.Get(targetId);
        if (author.TeamId != team.Id || target is null || target.TeamId != team.Id || !FindingVisibility.CanSee(author, target))
        {
            Denied(author, $"save into {targetId}", target);
            return new MergeOutcome.NotFound();
        }

        if (target.Revision != targetRevision)
        {
            return new MergeOutcome.Stale(target);
        }

        if (CheckSaveInto(author, draft, complete, target) is { } refused)
        {
            Denied(author, $"save into {target.Code}: {refused}", refused == MergeRefusal.NotAllowed ? target : null);
            return new MergeOutcome.Refused(refused, refused == MergeRefusal.TargetMerged ? Resolve(target) : null);
        }

        var source = findings.Create(team, author, draft, day, utcNow);
        downloads.Queue(source, utcNow);
        Apply(author, source, target, utcNow);
        return new MergeOutcome.Merged(target, source);
    }

    /// <summary>Merges the saved <paramref name="sourceId"/> into <paramref name="targetId"/> (leader or liaison).</summary>
    public MergeOutcome Merge(Member actor, int sourceId, int sourceRevision, int targetId, int targetRevision, DateTime utcNow)
    {
        var source = store.Get(sourceId);
        var target = store.Get(targetId);
        if (source is null || target is null || source.TeamId != actor.TeamId || target.TeamId != actor.TeamId
            || !FindingVisibility.CanSee(actor, source) || !FindingVisibility.CanSee(actor, target))
        {
            Denied(actor, $"merge {sourceId} into {targetId}", source ?? target);
            return new MergeOutcome.NotFound();
        }

        if (source.Revision != sourceRevision)
        {
            return new MergeOutcome.Stale(source);
        }

        if (target.Revision != targetRevision)
        {
            return new MergeOutcome.Stale(target);
        }

        if (CheckMerge(actor, source, target) is { } refused)
        {
            Denied(actor, $"merge {source.Code} into {target.Code}: {refused}", refused == MergeRefusal.NotAllowed ? target : null);
            var other = refused switch
            {
                MergeRefusal.SourceMerged => Resolve(source),
                MergeRefusal.TargetMerged => Resolve(target),
                _ => null,
            };
            return new MergeOutcome.Refused(refused, other);
        }

        Apply(actor, source, target, utcNow);
        return new MergeOutcome.Merged(target, source);
    }

    /// <summary>The finding a merged one now lives in (following merges of merges); the finding itself when not merged.</summary>
    public Finding Resolve(Finding finding)
    {
        var current = finding;
        for (var hops = 0; hops < 32 && current.MergedIntoId is { } next && store.Get(next) is { } into; hops++)
        {
            current = into;
        }

        return current;
    }

    private static MergeRefusal? Rules(bool sourceCovert, Finding target) =>
        target.IsMerged ? MergeRefusal.TargetMerged
        : target.Status == RectificationStatus.Closed ? MergeRefusal.TargetClosed
        : sourceCovert != target.Covert ? MergeRefusal.OpennessDiffers
        : null;

    private void Apply(Member actor, Finding source, Finding target, DateTime utcNow)
    {
        var evidenceBefore = Files(target.Evidence);
        var contributorsBefore = Names(target);
        Add(target.Evidence, source.Evidence);
        Add(target.FixEvidence, source.FixEvidence);
        Contribute(target, source.AuthorId, source.AuthorName, source.Code, utcNow);
        foreach (var contributor in source.Contributors)
        {
            Contribute(target, contributor.UserId, contributor.Name, contributor.FromCode, utcNow);
        }

        target.Revision++;
        target.UpdatedUtc = utcNow;
        store.Update(target);
        store.AddChange(target, actor, utcNow, "merged", null, source.Code);
        store.AddChange(target, actor, utcNow, "merged_description", null, $"{source.Code}（{source.AuthorName}）：{source.Description}");
        if (source.Status != RectificationStatus.Open || !string.IsNullOrWhiteSpace(source.ResponsibleUnit) || source.Deadline is not null)
        {
            store.AddChange(target, actor, utcNow, "merged_rectification", null, string.Join("; ",
                source.Status.ToString(), source.ResponsibleUnit ?? "", source.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""));
        }

        if (Files(target.Evidence) is var evidenceAfter && evidenceAfter != evidenceBefore)
        {
            store.AddChange(target, actor, utcNow, "evidence", evidenceBefore, evidenceAfter);
        }

        if (Names(target) is var contributorsAfter && contributorsAfter != contributorsBefore)
        {
            store.AddChange(target, actor, utcNow, "contributors", contributorsBefore, contributorsAfter);
        }

        source.MergedIntoId = target.Id;
        source.MergedIntoCode = target.Code;
        source.MergedUtc = utcNow;
        source.MergedByName = actor.DisplayName;
        source.Revision++;
        source.UpdatedUtc = utcNow;
        store.Update(source);
        store.AddChange(source, actor, utcNow, "merged_into", null, target.Code);

        // Merged: the plan withdraws what is pending and plans nothing.
        reminders.Plan(source, utcNow);
        audit.Write(actor.Id, actor.TeamId, "merge", $"{source.Code} into {target.Code}");
        foreach (var observer in _observers)
        {
            observer.Merged(actor, source, target, utcNow);
        }
    }

    private static void Add(List<Evidence> into, IEnumerable<Evidence> from)
    {
        foreach (var evidence in from)
        {
            if (into.All(e => e.FileId != evidence.FileId))
            {
                into.Add(evidence);
            }
        }
    }

    private static void Contribute(Finding target, long userId, string name, string fromCode, DateTime utcNow)
    {
        if (userId != target.AuthorId && target.Contributors.All(c => c.UserId != userId))
        {
            target.Contributors.Add(new Contributor { UserId = userId, Name = name, FromCode = fromCode, AddedUtc = utcNow });
        }
    }

    private static string? Files(List<Evidence> evidence) => evidence.Count == 0 ? null : string.Join(",", evidence.Select(e => e.FileId));

    private static string? Names(Finding f) => f.Contributors.Count == 0 ? null : string.Join("、", f.Contributors.Select(c => c.Name));

    /// <summary>An audit line when a person asked for what they may not do with a finding that exists (not for the merge rules).</summary>
    private void Denied(Member actor, string what, Finding? finding)
    {
        if (finding is not null)
        {
            audit.Write(actor.Id, actor.TeamId, "denied", what);
        }
    }
}
