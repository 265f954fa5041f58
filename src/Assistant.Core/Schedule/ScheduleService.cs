using Assistant.Core.Dispatching;
using Assistant.Core.Reminders;
using Assistant.Core.Teams;
using LiteDB;

namespace Assistant.Core.Schedule;

/// <summary>
/// Adds, changes and cancels itinerary items. Every change re-plans the participants' reminders and
/// tells the participants (old and new) what changed, in their own language.
/// </summary>
public sealed class ScheduleService(ScheduleStore store, ReminderStore reminders, TeamStore teams, ScheduleView view, IOptions<ScheduleOptions> options)
{
    public const string EventReminder = "event";

    public static string Subject(ScheduleItem item) => "item:" + item.Id.ToString(CultureInfo.InvariantCulture);

    public ScheduleItem Create(UpdateContext context, ScheduleItem item)
    {
        item.TeamId = context.Team!.Id;
        item.CreatedBy = context.UserId;
        item.CreatedUtc = context.UtcNow;
        item.UpdatedUtc = context.UtcNow;
        item.Revision = 1;
        store.Insert(item);
        PlanReminders(item, context.UtcNow);
        NotifyParticipants(context, item, Recipients(item), "schedule.notify_added");
        return item;
    }

    /// <summary>Applies a change; null when the item changed meanwhile (revision) or does not belong to the team.</summary>
    public ScheduleItem? Update(UpdateContext context, int itemId, int expectedRevision, Action<ScheduleItem> change)
    {
        var item = store.Get(itemId);
        if (item is null || item.TeamId != context.Team!.Id || item.Revision != expectedRevision || item.Cancelled)
        {
            return null;
        }

        var before = Recipients(item);
        change(item);
        item.Revision++;
        item.UpdatedUtc = context.UtcNow;
        store.Update(item);
        PlanReminders(item, context.UtcNow);
        NotifyParticipants(context, item, before.Union(Recipients(item)).ToList(), "schedule.notify_changed");
        return item;
    }

    public ScheduleItem? Cancel(UpdateContext context, int itemId, int expectedRevision)
    {
        var item = store.Get(itemId);
        if (item is null || item.TeamId != context.Team!.Id || item.Revision != expectedRevision || item.Cancelled)
        {
            return null;
        }

        item.Cancelled = true;
        item.Revision++;
        item.UpdatedUtc = context.UtcNow;
        store.Update(item);
        reminders.Withdraw(Subject(item));
        NotifyParticipants(context, item, Recipients(item), "schedule.notify_cancelled");
        return item;
    }

    /// <summary>
    /// Saves a whole itinerary at once (an import). An item with the same title and start as one already in the
    /// itinerary is that item: it is replaced by the file's version (or left alone when nothing differs), never
    /// added a second time. Call inside one transaction: all or nothing.
    /// </summary>
    public ImportCounts Import(int teamId, long importer, IEnumerable<ScheduleItem> items, DateTime utcNow)
    {
        var existing = new Dictionary<(string, DateTime), ScheduleItem>();
        foreach (var item in store.OfTeam(teamId))
        {
            existing.TryAdd(SameItemKey(item), item);
        }

        var counts = new ImportCounts();
        foreach (var item in items)
        {
            if (existing.TryGetValue(SameItemKey(item), out var old))
            {
                if (SameContent(old, item))
                {
                    counts = counts with { Unchanged = counts.Unchanged + 1 };
                    continue;
                }

                (old.Kind, old.EndUtc, old.Place, old.WholeTeam, old.Participants, old.OtherParticipants, old.Notes) =
                    (item.Kind, item.EndUtc, item.Place, item.WholeTeam, item.Participants, item.OtherParticipants, item.Notes);
                old.Revision++;
                old.UpdatedUtc = utcNow;
                store.Update(old);
                PlanReminders(old, utcNow);
                counts = counts with { Replaced = counts.Replaced + 1 };
                continue;
            }

            item.TeamId = teamId;
            item.CreatedBy = importer;
            item.CreatedUtc = utcNow;
            item.UpdatedUtc = utcNow;
            item.Revision = 1;
            store.Insert(item);
            PlanReminders(item, utcNow);
            existing[SameItemKey(item)] = item;
            counts = counts with { Added = counts.Added + 1 };
        }

        return counts;
    }

    /// <summary>What makes an imported row the same item as one in the itinerary: its title and its start.</summary>
    private static (string, DateTime) SameItemKey(ScheduleItem item) => (item.Title.Trim(), item.StartUtc);

    private static bool SameContent(ScheduleItem a, ScheduleItem b) =>
        a.Kind == b.Kind && a.EndUtc == b.EndUtc && a.Place == b.Place && a.WholeTeam == b.WholeTeam && a.Notes == b.Notes
        && a.Participants.SequenceEqual(b.Participants) && a.OtherParticipants.SequenceEqual(b.OtherParticipants);

    /// <summary>
    /// The other items of the team's itinerary at the same time as <paramref name="item"/> (not cancelled, overlapping by a
    /// minute or more; not the item itself, <paramref name="exceptId"/> while it is being changed), each with the members who
    /// would have to be in both. External participants are left out: nobody keeps their diaries.
    /// </summary>
    public IReadOnlyList<ScheduleClash> Clashes(ScheduleItem item, int? exceptId)
    {
        var members = Recipients(item).Select(m => m.Id).ToHashSet();
        if (members.Count == 0)
        {
            return [];
        }

        // In the item's own order of its people (the team's by joining for a whole-team item), as its card lists them.
        var team = teams.MembersOf(item.TeamId).Where(m => m.Role != Role.Contact)
            .OrderBy(m => item.Participants.IndexOf(m.Id) is var at and >= 0 ? at : int.MaxValue).ThenBy(m => m.JoinedUtc).ThenBy(m => m.Id)
            .ToList();
        return store.Between(item.TeamId, item.StartUtc.AddDays(-ClashLookBackDays), item.EndUtc)
            .Where(other => other.Id != exceptId && other.StartUtc < item.EndUtc && item.StartUtc < other.EndUtc)
            .Select(other => new ScheduleClash(other, [.. team.Where(m => members.Contains(m.Id) && other.Involves(m.Id))], team.Count))
            .Where(clash => clash.Members.Count > 0)
            .ToList();
    }

    /// <summary>Every pair of the team's items starting in a span whose people would have to be in both, each pair once.</summary>
    public IReadOnlyList<(ScheduleItem First, ScheduleClash Clash)> ClashesBetween(int teamId, DateTime fromUtc, DateTime toUtc)
    {
        var seen = new HashSet<(int, int)>();
        return [.. store.Between(teamId, fromUtc, toUtc)
            .SelectMany(item => Clashes(item, item.Id).Select(clash => (First: item, Clash: clash)))
            .Where(pair => seen.Add((Math.Min(pair.First.Id, pair.Clash.Other.Id), Math.Max(pair.First.Id, pair.Clash.Other.Id))))];
    }

    /// <summary>How long before an item another may have started and still run into it.</summary>
    private const int ClashLookBackDays = 2;

    /// <summary>Members who take part (everyone but rectification contacts for a whole-team item).</summary>
    public IReadOnlyList<Member> Recipients(ScheduleItem item) =>
        teams.MembersOf(item.TeamId).Where(m => m.Role != Role.Contact && item.Involves(m.Id)).ToList();

    /// <summary>Withdraws the item's pending reminders and plans one per participant, ReminderMinutes before it.</summary>
    public void PlanReminders(ScheduleItem item, DateTime utcNow)
    {
        reminders.Withdraw(Subject(item));
        if (item.Cancelled || item.StartUtc <= utcNow)
        {
            return;
        }

        var due = item.StartUtc.AddMinutes(-options.Value.ReminderMinutes);
        if (due < utcNow)
        {
            due = utcNow;
        }

        foreach (var member in Recipients(item))
        {
            var key = $"event:{item.Id.ToString(CultureInfo.InvariantCulture)}:r{item.Revision.ToString(CultureInfo.InvariantCulture)}:{member.Id.ToString(CultureInfo.InvariantCulture)}";
            reminders.Plan(key, EventReminder, item.TeamId, member.Id, Subject(item), due, utcNow,
                new BsonDocument { ["item"] = item.Id, ["revision"] = item.Revision });
        }
    }

    private void NotifyParticipants(UpdateContext context, ScheduleItem item, IReadOnlyList<Member> recipients, string key)
    {
        var team = context.Team!;
        foreach (var member in recipients.Where(m => m.Id != context.UserId))
        {
            context.Notify(member, t => t.Format(key, context.Member?.DisplayName ?? "") + "\n" + new SafeHtml(view.Card(t, team, item, member, inGroup: false)));
        }
    }
}

/// <summary>How an import changed the itinerary: items added, items replaced (same title and start), items already there as they were.</summary>
/// <summary>Another item at the same time, and the members who would be in both (of a team of <paramref name="TeamSize"/>).</summary>
public sealed record ScheduleClash(ScheduleItem Other, IReadOnlyList<Member> Members, int TeamSize)
{
    /// <summary>Whether the whole team would be in both.</summary>
    public bool Everyone => Members.Count == TeamSize;

    /// <summary>"李明、张伟", or "全体" when it is the whole team.</summary>
    public string Who(Texts t) => Everyone ? t["schedule.whole_team"] : string.Join(t["list.separator"], Members.Select(m => m.DisplayName));
}

public readonly record struct ImportCounts(int Added, int Replaced, int Unchanged)
{
    public int Total => Added + Replaced + Unchanged;
}
