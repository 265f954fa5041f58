using Assistant.Core.Schedule;
using Assistant.Core.Teams;

namespace Assistant.Core.Notes;

/// <summary>
/// Decides, when a note is saved, whether it was written on a covert visit: its author takes part in a covert itinerary
/// item (暗访; the whole team when the item says 全体) whose time window holds that moment. The decision is stored on the
/// note (<see cref="Note.Covert"/>, with the item's participants of that moment), not recomputed from an itinerary that
/// may change later: moving or cancelling the item afterwards never opens the note.
/// </summary>
public sealed class CovertNotes(ScheduleStore schedule, TeamStore teams)
{
    /// <summary>How far back a covert item may start and still be under way (a covert visit lasts hours, not days).</summary>
    private static readonly TimeSpan LongestVisit = TimeSpan.FromDays(2);

    /// <summary>The covert items <paramref name="author"/> is on at <paramref name="utc"/> (start and end included), latest start first.</summary>
    public IReadOnlyList<ScheduleItem> On(Member author, DateTime utc) =>
        [.. schedule.Between(author.TeamId, utc - LongestVisit, utc.AddTicks(1))
            .Where(i => i.IsCovert && i.StartUtc <= utc && utc <= i.EndUtc && i.Involves(author.Id))
            .OrderByDescending(i => i.StartUtc)];

    /// <summary>Marks <paramref name="note"/> covert when its author is on a covert item at the time it was written; true when it did.</summary>
    public bool Decide(Note note, Member author)
    {
        var items = On(author, note.CreatedUtc);
        if (items.Count == 0)
        {
            return false;
        }

        var participants = items.SelectMany(i => i.WholeTeam
                ? teams.MembersOf(author.TeamId).Where(m => m.Role != Role.Contact).Select(m => m.Id)
                : i.Participants)
            .Append(author.Id);
        note.Covert = true;
        note.CovertItemId = items[0].Id;
        note.CovertParticipants = [.. note.CovertParticipants.Union(participants)];
        return true;
    }
}
