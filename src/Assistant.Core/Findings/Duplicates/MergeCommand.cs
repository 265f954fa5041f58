using Assistant.Core.Dispatching;
using Assistant.Core.Teams;

namespace Assistant.Core.Findings.Duplicates;

/// <summary>
/// <c>/merge G7-012 G7-007</c> (leader or liaison): merges the first finding, a duplicate, into the second after a
/// confirmation that shows both. The confirmation carries both revisions: a finding changed meanwhile is not merged.
/// Button data: mg:c:SOURCE:SREV:TARGET:TREV (confirm), mg:x (cancel). Every check is made again by
/// <see cref="FindingMerger"/> on the press, whatever the button data says.
/// </summary>
public sealed class MergeCommand(FindingStore store, FindingMerger merger, AuditLog audit) : ICommandHandler, ICallbackHandler, IDeclaresSpecs
{
    public static IReadOnlyList<CommandSpec> Commands { get; } =
        [new("merge", Permission.EditAnyFinding, ChatScope.PrivateOnly, "help.cmd.merge", "/merge G7-012 G7-007")];

    public static IReadOnlyList<ButtonSpec> Buttons { get; } = [new("mg", Permission.EditAnyFinding, ChatScope.PrivateOnly)];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
    {
        var t = context.T;
        var member = context.Member!;
        var words = command.Words;
        if (words.Count != 2)
        {
            context.Reply(t["merge.usage"]);
            return;
        }

        var source = Visible(member, store.GetByCode(words[0]));
        var target = Visible(member, store.GetByCode(words[1]));
        if (source is null || target is null)
        {
            context.Reply(t.Format("merge.not_found", Html.Escape(source is null ? words[0] : words[1])));
            return;
        }

        if (FindingMerger.CheckMerge(member, source, target) is { } refused)
        {
            Refuse(context, refused, refused == MergeRefusal.SourceMerged ? merger.Resolve(source) : refused == MergeRefusal.TargetMerged ? merger.Resolve(target) : null);
            return;
        }

        var data = string.Join(':', "mg:c", Id(source.Id), Id(source.Revision), Id(target.Id), Id(target.Revision));
        context.Reply(
            t.Format("merge.confirm", source.Code, target.Code) + "\n\n" + FindingCard.ListLine(t, source) + "\n" + FindingCard.ListLine(t, target),
            [[new Button(t["merge.confirm_button"], data), new Button(t["merge.cancel_button"], "mg:x")]]);
    }

    public void Handle(UpdateContext context, string payload)
    {
        var t = context.T;
        var parts = payload.Split(':');
        if (context.Member is not { } member || parts.Length == 0)
        {
            context.Reply(t["callback.expired"]);
            return;
        }

        if (parts[0] == "x")
        {
            context.Reply(t["merge.cancelled"]);
            return;
        }

        int[] ids = [.. parts.Skip(1).Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)];
        if (parts[0] != "c" || ids.Length != 4 || ids.Any(n => n < 0))
        {
            context.Reply(t["callback.expired"]);
            return;
        }

        switch (merger.Merge(member, ids[0], ids[1], ids[2], ids[3], context.UtcNow))
        {
            case MergeOutcome.Merged merged:
                context.Reply(t.Format("merge.done", merged.Source.Code, merged.Target.Code) + "\n\n" + FindingCard.Render(t, merged.Target),
                    FindingCard.Buttons(t, merged.Target, member));
                break;
            case MergeOutcome.Stale:
                context.Reply(t["merge.stale"]);
                break;
            case MergeOutcome.Refused refused:
                Refuse(context, refused.Reason, refused.Other);
                break;
            default:
                context.Reply(t["finding.not_found"]);
                break;
        }
    }

    private static void Refuse(UpdateContext context, MergeRefusal reason, Finding? other) =>
        context.Reply(context.T.Format(reason.Key(), other?.Code ?? ""));

    /// <summary>The finding when this member may see it; an audit line when it exists but is not theirs.</summary>
    private Finding? Visible(Member member, Finding? finding)
    {
        if (finding is null || FindingVisibility.CanSee(member, finding))
        {
            return finding;
        }

        audit.Write(member.Id, member.TeamId, "denied", $"merge: finding {finding.Id}");
        return null;
    }

    private static string Id(int n) => n.ToString(CultureInfo.InvariantCulture);
}
