using Assistant.Core.Ledger;

namespace Assistant.Core.Leads;

/// <summary>
/// Lead index keys, in the ledger's fixed-width digit style (<see cref="LedgerKeys"/>): team (6 digits), then 0 open /
/// 1 closed, due date (99999999 when none), number. An open lead range up to a date reads only the leads due by then,
/// so the reminder scan and the dashboard cost what they return.
/// </summary>
public static class LeadKeys
{
    private const char OpenFlag = '0';
    private const char ClosedFlag = '1';
    private const char AfterClosed = '2';

    public static string For(Lead lead) =>
        LedgerKeys.TeamPrefix(lead.TeamId) + (lead.IsOpen ? OpenFlag : ClosedFlag) + LedgerKeys.Date(lead.DueDate) +
        lead.Number.ToString("000000", CultureInfo.InvariantCulture);

    /// <summary>Open leads due before <paramref name="to"/> (null: all open, those without a date last).</summary>
    public static (string From, string To) Open(int teamId, DateOnly? to = null)
    {
        var team = LedgerKeys.TeamPrefix(teamId);
        return (team + OpenFlag, to is null ? team + ClosedFlag : team + OpenFlag + LedgerKeys.Date(to));
    }

    public static (string From, string To) All(int teamId)
    {
        var team = LedgerKeys.TeamPrefix(teamId);
        return (team + OpenFlag, team + AfterClosed);
    }
}
