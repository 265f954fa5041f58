using Assistant.Core.Dispatching;

namespace Assistant.Core.General;

/// <summary>Free input from a member before notes exist: points to /help.</summary>
public sealed class FreeInputHint : IFreeInputHandler
{
    public void Handle(UpdateContext context) => context.Reply(context.T["free.hint"]);
}
