using Assistant.Core.Teams;

namespace Assistant.Core.Leads;

/// <summary>
/// Who may see and act on a lead, checked on the server for every step: the leader and the liaison of its team,
/// and the member who took it. Nobody else — not another member, not a rectification contact, not another team.
/// </summary>
public static class LeadAccess
{
    public static bool CanSee(Member reader, Lead lead) =>
        reader.TeamId == lead.TeamId && (reader.Role is Role.Leader or Role.Liaison || reader.Id == lead.TakenBy);

    /// <summary>Record an answer, set the result, change the due date or link a finding.</summary>
    public static bool CanAct(Member actor, Lead lead) => CanSee(actor, lead);

    /// <summary>Whether the member may list leads at all (a contact never may).</summary>
    public static bool MayList(Member reader) => reader.Role is not Role.Contact;
}
