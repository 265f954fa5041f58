using LiteDB;

namespace Assistant.Core.Conversations;

/// <summary>
/// A flow in progress: which flow, which step, and what was entered so far. One per user; saved after
/// every answer, so leaving, a restart or a crash never loses what was typed.
/// </summary>
public sealed class Draft
{
    /// <summary>The user whose draft this is (one open flow per user).</summary>
    public long Id { get; set; }

    public int TeamId { get; set; }

    public long ChatId { get; set; }

    public string Flow { get; set; } = "";

    /// <summary>The Stateless state, by name.</summary>
    public string State { get; set; } = "";

    /// <summary>The flow's own data (mapped to its data class by the flow).</summary>
    public BsonDocument Data { get; set; } = [];

    /// <summary>Identifies this draft in button data, so a button from another draft is recognised as stale.</summary>
    public string Nonce { get; set; } = "";

    /// <summary>Increases with every question asked; a button from an earlier question is stale.</summary>
    public int Step { get; set; }

    /// <summary>The buttons of the current question, so typing a label counts as pressing it.</summary>
    public List<DraftButton> Buttons { get; set; } = [];

    /// <summary>
    /// The questions answered before the card was reached, one per field, in the order first answered: the live card
    /// shows on top what the draft holds for each (<see cref="FormStep{TData}.Shown"/>).
    /// </summary>
    public List<DraftAnswer> Given { get; set; } = [];

    public DateTime StartedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>A button of the current question: its label and the value pressing it gives the flow.</summary>
public sealed class DraftButton
{
    public string Label { get; set; } = "";

    public string Value { get; set; } = "";
}

/// <summary>
/// A question answered in this draft: the field it filled (or the step's name). What was typed or pressed is not kept:
/// the answer is shown from the draft's data, as accepted.
/// </summary>
public sealed class DraftAnswer
{
    public string Field { get; set; } = "";
}
