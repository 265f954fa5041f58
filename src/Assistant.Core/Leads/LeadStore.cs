using LiteDB;

namespace Assistant.Core.Leads;

/// <summary>The leads collection: every read goes through an index range, so it costs what it returns.</summary>
public sealed class LeadStore(AssistantDatabase db)
{
    public const string CollectionName = "leads";

    private ILiteCollection<Lead> Leads => db.Collection<Lead>(CollectionName);

    /// <summary>
    /// Records a new lead, numbered within its team. Refuses (returns null) a subject or destination that
    /// identifies a person: the tipster's identity never enters a lead.
    /// </summary>
    public Lead? Add(int teamId, LeadChannel channel, string subject, string? handedOverTo, DateOnly? due, long takenBy, DateTime utcNow, Action<Lead>? init = null)
    {
        if (string.IsNullOrWhiteSpace(subject) || IdentityScrubber.Identifies(subject) || IdentityScrubber.Identifies(handedOverTo))
        {
            return null;
        }

        return db.InTransaction(() =>
        {
            var last = Leads.Find(Where.Between(nameof(Lead.DueKey), LeadKeys.All(teamId).From, LeadKeys.All(teamId).To))
                .Select(l => l.Number).DefaultIfEmpty(0).Max();
            var lead = new Lead
            {
                TeamId = teamId, Number = last + 1, Channel = channel, Subject = subject.Trim(), HandedOverTo = handedOverTo?.Trim(),
                DueDate = due, TakenBy = takenBy, CreatedUtc = utcNow,
            };
            init?.Invoke(lead);
            Stamp(lead);
            Leads.Insert(lead);
            return lead;
        });
    }

    public Lead? Get(int id) => Leads.ById(id);

    /// <summary>The team's lead made from a tip's note, if any (a team's leads are few: its range is read).</summary>
    public Lead? FromNote(int teamId, int noteId) => OfTeam(teamId).FirstOrDefault(l => l.SourceNoteId == noteId);

    /// <summary>Saves a changed lead and its keys.</summary>
    public void Update(Lead lead)
    {
        Stamp(lead);
        Leads.Update(lead);
    }

    /// <summary>A team's leads: open ones by due date (overdue first), then closed ones.</summary>
    public IEnumerable<Lead> OfTeam(int teamId)
    {
        var (from, to) = LeadKeys.All(teamId);
        return Leads.Find(Where.Between(nameof(Lead.DueKey), from, to));
    }

    /// <summary>A team's open leads, soonest due first (those without a date last).</summary>
    public IEnumerable<Lead> OpenOfTeam(int teamId)
    {
        var (from, to) = LeadKeys.Open(teamId);
        return Leads.Find(Where.Between(nameof(Lead.DueKey), from, to));
    }

    /// <summary>A team's open leads due before <paramref name="before"/>, soonest first.</summary>
    public IEnumerable<Lead> OpenDueBefore(int teamId, DateOnly before)
    {
        var (from, to) = LeadKeys.Open(teamId, before);
        return Leads.Find(Where.Between(nameof(Lead.DueKey), from, to));
    }

    /// <summary>Every team's open leads due before <paramref name="before"/>: the reminder scan, reading only due rows.</summary>
    public IEnumerable<Lead> AllOpenDueBefore(DateOnly before) =>
        Leads.Find(Where.Between(nameof(Lead.OpenDueKey), "0", OpenDuePrefix(before)));

    private static string OpenDuePrefix(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static void Stamp(Lead lead)
    {
        lead.DueKey = LeadKeys.For(lead);
        lead.OpenDueKey = lead.IsOpen && lead.DueDate is { } due && !lead.RemindersSent.Contains(LeadReminders.AllPlanned(due))
            ? OpenDuePrefix(due) + lead.TeamId.ToString("000000", CultureInfo.InvariantCulture) + lead.Number.ToString("000000", CultureInfo.InvariantCulture)
            : null;
    }

    public static void EnsureSchema(ILiteDatabase database)
    {
        SchemaSetup.EnsureIndexes(database, CollectionName, FieldIndex.On(nameof(Lead.DueKey)), FieldIndex.On(nameof(Lead.OpenDueKey)));
        SchemaSetup.EnsureCollection(database, CollectionName);
    }
}
