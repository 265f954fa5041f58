namespace Assistant.Core.Conversations;

/// <summary>
/// A trigger of a form flow's machine. The form owns the common ones (an answer, save, cancel, the
/// far-deadline confirmation); a flow names its own (<c>new FlowTrigger("UnknownName")</c>). Triggers
/// are equal by name, and the name is what the diagram shows.
/// </summary>
public sealed record FlowTrigger(string Name)
{
    /// <summary>The question was answered: the machine decides the next one.</summary>
    public static readonly FlowTrigger Answered = new(nameof(Answered));

    /// <summary>Save pressed on the card (and nothing required is missing): into the terminal state that saves.</summary>
    public static readonly FlowTrigger Save = new(nameof(Save));

    /// <summary>Cancel pressed: into the terminal state that says nothing was saved.</summary>
    public static readonly FlowTrigger Cancel = new(nameof(Cancel));

    /// <summary>A deadline typed far ahead: ask to confirm it (see <see cref="DeadlineAnswer"/>).</summary>
    public static readonly FlowTrigger FarDeadline = new(nameof(FarDeadline));

    /// <summary>The far deadline is not wanted: ask for the deadline again.</summary>
    public static readonly FlowTrigger ChangeDeadline = new(nameof(ChangeDeadline));

    public override string ToString() => Name;
}
