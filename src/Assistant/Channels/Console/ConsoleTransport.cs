using Assistant.Core.Teams;

namespace Assistant.Channels.Console;

/// <summary>
/// Prints messages to the terminal: HTML becomes plain text, buttons become numbered choices (those of the
/// latest message to the operator are the live ones), a Mini App button a line with its address. A message nobody
/// asked for just now (a reminder: <see cref="OutboxItem.Unprompted"/>) leaves the live choices as they were, as in
/// Telegram an earlier message keeps its buttons; its own buttons are shown by label and picked by label.
/// Messages for other people (notifications to team members) are shown with their name.
/// An edit of a message's buttons alone is not shown; an edit of its text (a flow's live card) is printed as a new
/// message, its buttons the live ones. A file is shown as its
/// path: where the assistant already keeps it beside the database, or else saved into the recipient team's folder
/// there (<see cref="DocumentFolder"/>), never over an earlier file.
/// </summary>
public sealed class ConsoleTransport(ConsoleSession session, TeamStore teams, DocumentFolder documents) : IMessageTransport
{
    public DeliveryLimits Limits => DeliveryLimits.Unlimited;

    public async Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        if (item.EditMessageId is not null && (item.KeyboardOnly || item.Html.Length == 0))
        {
            return new DeliveryResult.Delivered();
        }

        var sb = new StringBuilder();
        var toOperator = item.ChatId == ConsoleIdentity.ChatId;
        if (!toOperator)
        {
            var name = teams.GetMember(item.ChatId)?.DisplayName ?? item.ChatId.ToString(CultureInfo.InvariantCulture);
            sb.Append("[→ ").Append(name).Append("] ");
        }

        sb.Append(Html.ToPlainText(item.Html));
        if (item.FileName is not null)
        {
            var path = SaveFile(item);
            sb.Append(sb.Length > 0 ? "\n" : "").Append("📎 ").Append(item.FileName).Append(" → ").Append(path);
        }

        var choices = item.Keyboard?.SelectMany(row => row).Where(b => b.WebAppUrl is null).ToList() ?? [];
        if (toOperator && item.Unprompted)
        {
            session.ShowUnpromptedButtons(choices);
        }
        else if (toOperator)
        {
            // Only the latest answer's buttons are live: one without buttons ends the earlier ones.
            session.ShowButtons(choices);
        }

        if (item.Keyboard is { Count: > 0 } keyboard && toOperator)
        {
            var number = 1;
            foreach (var row in keyboard.Select(r => r.Where(b => b.WebAppUrl is null).ToList()).Where(r => r.Count > 0))
            {
                sb.Append("\n ");
                foreach (var button in row)
                {
                    sb.Append(item.Unprompted ? " [" + button.Label + "]" : " [" + number++.ToString(CultureInfo.InvariantCulture) + "] " + button.Label);
                }
            }

            // A Mini App button is a page, not a choice: its address, to open in Telegram or a browser.
            foreach (var page in keyboard.SelectMany(r => r).Where(b => b.WebAppUrl is not null))
            {
                sb.Append("\n  ").Append(page.Label).Append(": ").Append(page.WebAppUrl);
            }
        }

        sb.Append('\n');
        await session.Output.WriteLineAsync(sb.ToString());
        await session.Output.FlushAsync(cancellationToken);
        return new DeliveryResult.Delivered();
    }

    private string SaveFile(OutboxItem item)
    {
        if (item.FilePath is { } kept && File.Exists(kept))
        {
            return kept;
        }

        var team = teams.GetMember(item.ChatId) is { } member ? teams.GetTeam(member.TeamId) : null;
        return documents.Save(team?.Code ?? "console", Path.GetFileName(item.FileName!), item.FileContent ?? []);
    }
}
