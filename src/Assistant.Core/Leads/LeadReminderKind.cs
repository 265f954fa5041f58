using Assistant.Core.Reminders;
using Assistant.Core.Teams;

namespace Assistant.Core.Leads;

/// <summary>Writes a lead's reminder to a liaison or leader (the date is near, or it passed), if the lead still holds that date and they may still see it.</summary>
public sealed class LeadReminderKind(LeadStore leads, TeamStore teams, TextCatalog catalog) : IReminderKind
{
    public string Kind => LeadReminders.Kind;

    public bool MaySendInQuietHours(Reminder reminder, Member recipient, TimeZoneInfo zone) => false;

    public ReminderMessage Compose(Reminder reminder, Member recipient, DateTime utcNow)
    {
        var lead = leads.Get(reminder.Data["lead"].AsInt32);
        if (!LeadReminders.StillHolds(lead, reminder) || recipient.Role is not (Role.Leader or Role.Liaison) || !LeadAccess.CanSee(recipient, lead!)
            || teams.GetTeam(lead!.TeamId) is not { } team)
        {
            return new ReminderMessage.Skip("answered, closed, changed, or no longer the liaison or the leader");
        }

        var t = catalog.For(recipient.Language);
        var due = lead.DueDate!.Value;
        var today = TimeZones.Today(new DateTimeOffset(utcNow), team.Zone);
        var html = reminder.Data["step"].AsString == LeadReminders.Passed
            ? t.Format("leads.reminder_passed", lead.Code, lead.Subject, lead.HandedOverTo ?? "", new SafeHtml(DateText.Full(t, due)), Math.Max(1, today.DayNumber - due.DayNumber))
            : t.Format("leads.reminder_before", lead.Code, lead.Subject, lead.HandedOverTo ?? "", new SafeHtml(DateText.Full(t, due)), Math.Max(0, due.DayNumber - today.DayNumber));
        return new ReminderMessage.Send([new OutgoingMessage
        {
            ChatId = recipient.ChatId,
            Html = html,
            Keyboard = LeadCard.OpenButton(t, lead),
            Purpose = "lead",
        }]);
    }
}
