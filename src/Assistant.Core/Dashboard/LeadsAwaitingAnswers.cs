using Assistant.Core.Teams;

namespace Assistant.Core.Dashboard;

/// <summary>A lead (线索) handed over for checking whose answer is still awaited, as the dashboard lists it.</summary>
/// <param name="Code">The lead's number.</param>
/// <param name="Subject">What it is about, already cleared of anything that identifies a tipster.</param>
/// <param name="DueDate">The date its answer is due (team time), if one was set.</param>
/// <param name="HandedOverTo">The local authority it went to.</param>
public sealed record LeadAwaitingAnswer(string Code, string Subject, DateOnly? DueDate, string? HandedOverTo);

/// <summary>
/// The seam for the dashboard's "leads awaiting answers" section. Leads are not recorded yet; the capability that
/// records them registers its own implementation, which must apply its visibility rules to
/// the reader (tips and covert leads only for those allowed) and must never return a tipster's
/// identity. Until then <see cref="NoLeadsYet"/> answers null and the section is not shown.
/// </summary>
public interface ILeadsAwaitingAnswers
{
    /// <summary>The reader's team's leads awaiting an answer, soonest due first; null when leads are not recorded at all.</summary>
    IReadOnlyList<LeadAwaitingAnswer>? For(Member reader, DateOnly today);
}

/// <summary>No leads capability yet: the dashboard shows no leads section.</summary>
public sealed class NoLeadsYet : ILeadsAwaitingAnswers
{
    public IReadOnlyList<LeadAwaitingAnswer>? For(Member reader, DateOnly today) => null;
}
