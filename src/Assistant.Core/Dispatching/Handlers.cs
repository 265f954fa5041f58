using Assistant.Core.Teams;

namespace Assistant.Core.Dispatching;

/// <summary>Where a command may be used.</summary>
public enum ChatScope
{
    /// <summary>Only in a private chat with the bot (anything that may show confidential data or starts a flow).</summary>
    PrivateOnly,

    /// <summary>In a private chat or in the team's linked group.</summary>
    Anywhere,
}

/// <summary>One line of /help: the command as typed, its catalog key, and who may use it.</summary>
public sealed record HelpLine(string Usage, string TextKey, Permission Permission);

/// <summary>A slash command. The router checks <see cref="Permission"/> and <see cref="Scope"/> before calling it.</summary>
public interface ICommandHandler
{
    IReadOnlyList<string> Names { get; }

    Permission Permission { get; }

    ChatScope Scope { get; }

    IReadOnlyList<HelpLine> Help { get; }

    void Handle(UpdateContext context, CommandLine command);
}

/// <summary>
/// Buttons whose data starts with <see cref="Prefix"/> and a colon. The handler re-checks every
/// permission and every object it touches: callback data can be forged.
/// </summary>
public interface ICallbackHandler
{
    string Prefix { get; }

    void Handle(UpdateContext context, string payload);
}

/// <summary>Handles whatever a member sends outside commands and flows (free text, photos, voice).</summary>
public interface IFreeInputHandler
{
    void Handle(UpdateContext context);
}

/// <summary>Runs the member's open flow, if any. Returns false when the member has none.</summary>
public interface IConversationRunner
{
    bool TryContinue(UpdateContext context);

    bool TryHandleCallback(UpdateContext context, string data);

    /// <summary>Drops the member's open flow; true when there was one.</summary>
    bool Cancel(UpdateContext context);
}
