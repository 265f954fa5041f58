using Assistant.Core.Conversations;
using Assistant.Core.Teams;

namespace Assistant.Core.Schedule;

/// <summary>
/// The schedule flow's questions about who takes part: toggle buttons for the members and the whole team, or
/// names typed and matched to members; a name that matches no member is asked about (one of the members,
/// an external person who is shown as such and never notified, or left out).
/// </summary>
internal sealed class ScheduleParticipants(TeamStore teams)
{
    /// <summary>A typed name matched no member: ask about it.</summary>
    public static readonly FlowTrigger UnknownName = new(nameof(UnknownName));

    public Question Ask(FlowTurn turn, ScheduleDraft d)
    {
        var t = turn.Context.T;
        var members = teams.MembersOf(turn.Draft.TeamId).Where(m => m.Role != Role.Contact).ToList();
        d.Offered.Clear();
        d.Offered.AddRange(members.Select(m => m.Id));
        var rows = members.Select((m, i) => new Choice((d.Participants.Contains(m.Id) ? "✓ " : "") + m.DisplayName, Answers.Offer("p:", i))).Chunk(3)
            .Select(r => (IEnumerable<Choice>)r).ToList();
        rows.Add([new Choice((d.WholeTeam ? "✓ " : "") + t["schedule.whole_team"], "all"), new Choice(t["common.next"], "done")]);
        return new(t.Format("schedule.ask.people", new SafeHtml(People(t, d, members))), rows);
    }

    public StepResult Read(FlowTurn turn, ScheduleDraft d)
    {
        var choice = turn.Input.Choice;
        if (choice == "done")
        {
            return StepResult.Answered;
        }

        if (choice == "all")
        {
            d.WholeTeam = !d.WholeTeam;
            return StepResult.Stay;
        }

        if (Answers.TryOffered(choice, "p:", d.Offered.Count, out var index))
        {
            var id = d.Offered[index];
            d.WholeTeam = false;
            if (!d.Participants.Remove(id))
            {
                d.Participants.Add(id);
            }

            return StepResult.Stay;
        }

        var text = turn.Input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return StepResult.Again(turn.Context.T["flow.choose_button"]);
        }

        // Names typed: members are matched by name; anyone else is asked about before being kept.
        var members = teams.MembersOf(turn.Draft.TeamId);
        foreach (var name in text.Split(['、', ',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name is "全体" or "全体人员" or "all" or "everyone")
            {
                d.WholeTeam = true;
                continue;
            }

            if (FindMember(members, name) is { } member)
            {
                AddParticipant(d, member.Id);
            }
            else if (!d.OtherParticipants.Contains(name) && !d.UnknownNames.Contains(name))
            {
                d.UnknownNames.Add(name);
            }
        }

        return d.UnknownNames.Count > 0 ? StepResult.Fire(UnknownName) : StepResult.Stay;
    }

    /// <summary>"王五 is not a member": the members as buttons (those sharing a character with the name first), external, or leave out.</summary>
    public Question AskAboutName(FlowTurn turn, ScheduleDraft d)
    {
        var t = turn.Context.T;
        var name = d.UnknownNames.Count > 0 ? d.UnknownNames[0] : "";
        var members = teams.MembersOf(turn.Draft.TeamId).Where(m => m.Role != Role.Contact)
            .OrderByDescending(m => m.DisplayName.Count(name.Contains)).ToList();
        d.Offered.Clear();
        d.Offered.AddRange(members.Select(m => m.Id));
        var rows = members.Select((m, i) => new Choice(m.DisplayName, Answers.Offer("m:", i))).Chunk(3)
            .Select(r => (IEnumerable<Choice>)r).ToList();
        rows.Add([new Choice(t.Format("schedule.mark_external", name), "ext"), new Choice(t["schedule.leave_out"], "drop")]);
        return new(t.Format("schedule.ask.unknown_name", name), rows);
    }

    /// <summary>The answer about the first name that matched no member: a member after all, external, or left out.</summary>
    public StepResult ReadAboutName(FlowTurn turn, ScheduleDraft d)
    {
        if (d.UnknownNames.Count == 0)
        {
            return StepResult.Answered;
        }

        var name = d.UnknownNames[0];
        var choice = turn.Input.Choice;
        if (choice == "ext")
        {
            d.OtherParticipants.Add(name);
        }
        else if (Answers.TryOffered(choice, "m:", d.Offered.Count, out var index))
        {
            AddParticipant(d, d.Offered[index]);
        }
        else if (choice != "drop")
        {
            // A name typed here: one of the members, or the question again.
            if (turn.Input.Text is not { } text || FindMember(teams.MembersOf(turn.Draft.TeamId), text) is not { } member)
            {
                return StepResult.Again(turn.Context.T["flow.choose_button"]);
            }

            AddParticipant(d, member.Id);
        }

        d.UnknownNames.RemoveAt(0);
        return d.UnknownNames.Count > 0 ? StepResult.Fire(UnknownName) : StepResult.Answered;
    }

    private static Member? FindMember(IReadOnlyList<Member> members, string name) =>
        members.FirstOrDefault(m => m.Role != Role.Contact && string.Equals(m.DisplayName, name.Trim(), StringComparison.OrdinalIgnoreCase));

    private static void AddParticipant(ScheduleDraft d, long memberId)
    {
        d.WholeTeam = false;
        if (!d.Participants.Contains(memberId))
        {
            d.Participants.Add(memberId);
        }
    }

    private static string People(Texts t, ScheduleDraft d, IReadOnlyList<Member> members)
    {
        if (d.WholeTeam)
        {
            return t["schedule.whole_team"];
        }

        var names = members.Where(m => d.Participants.Contains(m.Id)).Select(m => Html.Escape(m.DisplayName))
            .Concat(d.OtherParticipants.Select(n => ScheduleView.External(t, n))).ToList();
        return names.Count == 0 ? t["schedule.nobody"] : string.Join(t["list.separator"], names);
    }
}
