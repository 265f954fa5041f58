using System.Collections.Concurrent;
using Assistant.Core.Teams;

namespace Assistant.Core.Findings.Duplicates;

/// <summary>
/// Finds the recorded findings of a person's team that a finding about to be saved most likely duplicates. The only
/// way in is <see cref="Check"/>, which takes the person: it searches their team only and returns only findings they
/// may see (<see cref="FindingVisibility"/>): a covert finding is matched like any other, and left out for whoever
/// may not see it, without a trace. Merged findings are never candidates (the one they were merged into is).
/// </summary>
/// <remarks>
/// Each team's findings are held in memory as a <see cref="TeamDuplicateIndex"/>, built from LiteDB on the team's
/// first check (on another thread, so it reads what is committed, not the caller's transaction) and kept current:
/// the store reports every insert and update, and when that transaction ends (committed or rolled back) the
/// finding is read again and re-indexed, so the index never holds what was not committed. A change committed while
/// the index is being built is applied once it is. Every candidate is read again from the database and scored again
/// before it is returned; beside the index the slot keeps who may see each finding, so a check does not read the ones
/// the viewer may not see (another member's covert findings, most of the reads in a busy team). The indexes of at most <see cref="MaxTeams"/> teams are kept (least recently used dropped).
/// </remarks>
public sealed class DuplicateDetector
{
    /// <summary>At most this many teams' indexes stay in memory.</summary>
    public const int MaxTeams = 16;

    /// <summary>At most this many candidates are returned by default (the card shows them).</summary>
    public const int DefaultMax = 3;

    private readonly ConcurrentDictionary<int, TeamSlot> _teams = new();
    private readonly FindingStore _store;
    private readonly ILogger<DuplicateDetector> _logger;
    private long _clock;
    private long _candidatesRead;

    public DuplicateDetector(FindingStore store, ILogger<DuplicateDetector> logger)
    {
        _store = store;
        _logger = logger;
        store.Saved += OnSaved;
    }

    /// <summary>
    /// The recorded findings of <paramref name="viewer"/>'s team that <paramref name="probe"/> most likely duplicates,
    /// best first, each with its score and reasons: at most <paramref name="max"/>, each scoring at least
    /// <see cref="DuplicateScorer.Threshold"/>, each one the viewer may see. Call inside or outside a transaction.
    /// </summary>
    public IReadOnlyList<DuplicateCandidate> Check(Member viewer, DuplicateProbe probe, int max = DefaultMax)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(probe);
        var features = FindingFeatures.Of(probe);
        if (max <= 0 || (features.Terms.Length == 0 && features.Unit.IsEmpty))
        {
            return [];
        }

        TeamSlot slot;
        List<(int Id, double Score)>? ranked = null;
        do
        {
            slot = Slot(viewer.TeamId);
            lock (slot)
            {
                // Null only when another team's check dropped it just now: then it is built again.
                if (slot.Index is { } index)
                {
                    index.LastUsed = Interlocked.Increment(ref _clock);
                    ranked = [.. index.Alike(features)
                        .Where(a => a.Features.Id != probe.ExcludeFindingId && slot.MaySee(viewer, a.Features.Id))
                        .Select(a => (a.Features.Id, DuplicateScorer.Score(features, a.Features, a.Description).Score))
                        .Where(a => a.Score >= DuplicateScorer.Threshold)
                        .OrderByDescending(a => a.Score)];
                }
            }
        }
        while (ranked is null);

        var result = new List<DuplicateCandidate>();
        foreach (var (id, _) in ranked)
        {
            // Read again: the index may lag a change of this very transaction; the person's right to see it is checked on the row.
            // (What the slot keeps of who may see each finding only spares reading the ones they certainly may not.)
            Interlocked.Increment(ref _candidatesRead);
            if (_store.Get(id) is not { } finding || finding.TeamId != viewer.TeamId || finding.IsMerged
                || !FindingVisibility.CanSee(viewer, finding))
            {
                continue;
            }

            var current = FindingFeatures.Of(DuplicateProbe.Of(finding), finding.Id);
            DuplicateEvidence evidence;
            lock (slot)
            {
                evidence = DuplicateScorer.Score(features, current, slot.Index?.Description(features, current) ?? 0);
            }

            if (evidence.Score >= DuplicateScorer.Threshold)
            {
                result.Add(new DuplicateCandidate(finding, evidence));
                if (result.Count == max)
                {
                    break;
                }
            }
        }

        return [.. result.OrderByDescending(c => c.Score)];
    }

    /// <summary>
    /// The score of one saved finding against a probe, offered or not, for the labelled set's report of its mistakes.
    /// Not for people: it ignores who may see the finding.
    /// </summary>
    internal DuplicateEvidence? Explain(int teamId, DuplicateProbe probe, int findingId)
    {
        if (_store.Get(findingId) is not { } finding || finding.TeamId != teamId)
        {
            return null;
        }

        var features = FindingFeatures.Of(probe);
        var current = FindingFeatures.Of(DuplicateProbe.Of(finding), finding.Id);
        var slot = Slot(teamId);
        lock (slot)
        {
            return DuplicateScorer.Score(features, current, slot.Index?.Description(features, current) ?? 0);
        }
    }

    /// <summary>Whether the team's index is in memory (for tests and the benchmark).</summary>
    internal bool IsIndexed(int teamId) => _teams.TryGetValue(teamId, out var slot) && slot.Index is not null;

    /// <summary>How many candidates the checks have read from the database so far (for tests and the benchmark).</summary>
    internal long CandidatesRead => Interlocked.Read(ref _candidatesRead);

    /// <summary>Drops every index (they are built again on the next check).</summary>
    internal void Reset() => _teams.Clear();

    private TeamSlot Slot(int teamId)
    {
        var slot = _teams.GetOrAdd(teamId, id => new TeamSlot(id));
        if (slot.Index is not null)
        {
            return slot;
        }

        lock (slot.BuildGate)
        {
            lock (slot)
            {
                if (slot.Index is not null)
                {
                    return slot;
                }

                slot.Building = true;
                slot.Pending.Clear();
            }

            try
            {
                // Read on another thread: outside the caller's transaction, so the index holds what is committed.
                var findings = Task.Run(() => _store.OfTeam(teamId)).GetAwaiter().GetResult();
                var live = findings.Where(f => !f.IsMerged).ToList();
                // Built for a check about to use it: the most recently used, so dropping the least recently used
                // keeps it (it was 0, and with more teams than MaxTeams the check dropped and built it again forever).
                var index = new TeamDuplicateIndex(teamId) { LastUsed = Interlocked.Increment(ref _clock) };
                index.AddAll(live.Select(f => FindingFeatures.Of(DuplicateProbe.Of(f), f.Id)));
                lock (slot)
                {
                    slot.Index = index;
                    slot.Audiences.Clear();
                    foreach (var finding in live)
                    {
                        slot.Audiences[finding.Id] = FindingAudience.Of(finding);
                    }

                    foreach (var id in slot.Pending)
                    {
                        Apply(slot, index, id);
                    }
                }
            }
            finally
            {
                lock (slot)
                {
                    slot.Building = false;
                    slot.Pending.Clear();
                }
            }
        }

        DropLeastRecentlyUsed(slot);
        return slot;
    }

    private void OnSaved(Finding finding)
    {
        // Looked up when the transaction ends, not now: an index whose build begins meanwhile must hear of it too.
        var (team, id) = (finding.TeamId, finding.Id);
        AssistantDatabase.OnTransactionEnd(() =>
        {
            if (_teams.TryGetValue(team, out var slot))
            {
                Reload(slot, id);
            }
        });
    }

    /// <summary>After the saving transaction ended: index the finding as committed (or forget it).</summary>
    private void Reload(TeamSlot slot, int findingId)
    {
        try
        {
            lock (slot)
            {
                if (slot.Building)
                {
                    slot.Pending.Add(findingId);
                }
                else if (slot.Index is { } index)
                {
                    Apply(slot, index, findingId);
                }
            }
        }
#pragma warning disable CA1031 // Runs after a commit, among other end-of-transaction actions: it must not throw. The index is rebuilt on the next check.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogWarning(e, "Duplicate index of team {Team}: finding {Finding} could not be re-read; the index is dropped and rebuilt on the next check.", slot.TeamId, findingId);
            lock (slot)
            {
                slot.Index = null;
                slot.Audiences.Clear();
            }
        }
    }

    private void Apply(TeamSlot slot, TeamDuplicateIndex index, int findingId)
    {
        var finding = _store.Get(findingId);
        if (finding is null || finding.IsMerged || finding.TeamId != index.TeamId)
        {
            index.Remove(findingId);
            slot.Audiences.Remove(findingId);
            return;
        }

        slot.Audiences[finding.Id] = FindingAudience.Of(finding);

        var features = FindingFeatures.Of(DuplicateProbe.Of(finding), finding.Id);
        if (!index.Contains(finding.Id, features.Content))
        {
            index.Add(features);
        }
    }

    /// <summary>Keeps at most <see cref="MaxTeams"/> indexes, never <paramref name="justBuilt"/>'s.</summary>
    private void DropLeastRecentlyUsed(TeamSlot justBuilt)
    {
        var built = _teams.Values.Where(s => s.Index is not null).ToList();
        if (built.Count <= MaxTeams)
        {
            return;
        }

        foreach (var slot in built.Where(s => s != justBuilt).OrderBy(s => s.Index?.LastUsed ?? 0).Take(built.Count - MaxTeams))
        {
            lock (slot)
            {
                slot.Index = null;
                slot.Audiences.Clear();
            }
        }
    }

    /// <summary>A team's index and what changed while it was being built.</summary>
    private sealed class TeamSlot(int teamId)
    {
        public int TeamId { get; } = teamId;

        public object BuildGate { get; } = new();

        public TeamDuplicateIndex? Index { get; set; }

        public bool Building { get; set; }

        public List<int> Pending { get; } = [];

        /// <summary>Who may see each indexed finding, as committed: a check skips the ones the viewer may not, unread.</summary>
        public Dictionary<int, FindingAudience> Audiences { get; } = [];

        /// <summary>False only when the viewer certainly may not see the finding; an unknown one is read and checked.</summary>
        public bool MaySee(Member viewer, int findingId) =>
            !Audiences.TryGetValue(findingId, out var audience) || FindingVisibility.CanSee(viewer, audience);
    }
}
