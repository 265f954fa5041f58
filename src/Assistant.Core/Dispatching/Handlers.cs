namespace Assistant.Core.Dispatching;

/// <summary>Where a command may be used.</summary>
public enum ChatScope
{
    /// <summary>Only in a private chat with the bot (anything that may show confidential data or starts a flow).</summary>
    PrivateOnly,

    /// <summary>In a private chat or in the team's linked group.</summary>
    Anywhere,
}

/// <summary>
/// Slash commands, declared as <see cref="CommandSpec"/>s (<see cref="IDeclaresSpecs.Commands"/>). The router checks the
/// spec's permission and scope before calling <see cref="Handle"/> with the spec of the form that was typed.
/// </summary>
public interface ICommandHandler
{
    void Handle(UpdateContext context, CommandSpec spec, CommandLine command);
}

/// <summary>
/// Buttons declared as <see cref="ButtonSpec"/>s (<see cref="IDeclaresSpecs.Buttons"/>): the router checks their permission
/// and scope; the handler checks every object the data names (callback data can be forged). It gets the data after the prefix.
/// </summary>
public interface ICallbackHandler
{
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

    /// <summary>Drops the member's open flow and says so (the flow may add what is left to do); false when there was none.</summary>
    bool Cancel(UpdateContext context);
}
