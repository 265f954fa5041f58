using Assistant.Core.Dashboard;
using Assistant.Core.Teams;

namespace Assistant.Core.Leads;

/// <summary>The dashboard's leads awaiting answers: the reader's visible open leads without an answer, soonest due first.</summary>
public sealed class StoredLeadsAwaitingAnswers(LeadStore store) : ILeadsAwaitingAnswers
{
    public IReadOnlyList<LeadAwaitingAnswer>? For(Member reader, DateOnly today)
    {
        if (!LeadAccess.MayList(reader))
        {
            return [];
        }

        return [.. store.OpenOfTeam(reader.TeamId)
            .Where(l => l.Answer is null && LeadAccess.CanSee(reader, l))
            .Select(l => new LeadAwaitingAnswer(l.Code, l.Subject, l.DueDate, l.HandedOverTo))];
    }
}
