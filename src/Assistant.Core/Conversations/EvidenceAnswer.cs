namespace Assistant.Core.Conversations;

/// <summary>A flow's data that collects evidence.</summary>
public interface IEvidenceDraft
{
    List<Evidence> Evidence { get; }
}

/// <summary>
/// How every flow keeps the files a member sends as evidence (<see cref="Evidence.From"/> says which count):
/// each file once, in order; a message that is no evidence (a sticker) is refused with what may be sent.
/// </summary>
public static class EvidenceAnswer
{
    /// <summary>Keeps the input's files; says so when <paramref name="sayKept"/> (outside the evidence question).</summary>
    /// <returns>How many were kept.</returns>
    public static int Keep(FlowTurn turn, IEvidenceDraft draft, bool sayKept)
    {
        var kept = 0;
        foreach (var file in turn.Input.Files)
        {
            if (draft.Evidence.Exists(e => e.FileId == file.FileId) || Evidence.From(file, turn.Context.UtcNow) is not { } evidence)
            {
                continue;
            }

            draft.Evidence.Add(evidence);
            kept++;
        }

        var t = turn.Context.T;
        if (kept == 0)
        {
            turn.Say(t["evidence.unsupported"]);
        }
        else if (sayKept)
        {
            turn.Say(t.Format("evidence.kept", draft.Evidence.Count));
        }

        return kept;
    }
}
