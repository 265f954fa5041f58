using Assistant.Core.Dispatching;
using Assistant.Core.Teams;

namespace Assistant.Core.General;

/// <summary>/lang [zh-CN|en]: the language this member is spoken to in. Without an argument, two buttons.</summary>
public sealed class LanguageCommand(TeamStore teams, IChatMenuLanguage menu) : ICommandHandler, ICallbackHandler, IDeclaresSpecs
{
    public static IReadOnlyList<CommandSpec> Commands { get; } =
        [new("lang", Permission.Basics, ChatScope.PrivateOnly, "help.cmd.lang", "/lang") { Aliases = ["language"], InMenu = true }];

    public static IReadOnlyList<ButtonSpec> Buttons { get; } = [new("lang", Permission.Basics)];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
    {
        if (command.Arguments.Length == 0)
        {
            context.Reply(context.T["lang.choose"], [[new Button("中文", "lang:zh-CN"), new Button("English", "lang:en")]]);
            return;
        }

        Apply(context, command.Arguments);
    }

    public void Handle(UpdateContext context, string payload)
    {
        context.RemoveOriginKeyboard();
        Apply(context, payload);
    }

    private void Apply(UpdateContext context, string value)
    {
        if (LanguageCodes.Parse(value) is not { } language)
        {
            context.Reply(context.T.Format("lang.unknown", value));
            return;
        }

        if (context.Member is { } member)
        {
            member.Language = language;
            teams.Upsert(member);
            menu.Changed(context.Update.ChatId, language, context.UtcNow);
        }

        context.UseLanguage(language);
        context.Reply(context.T["lang.set"]);
    }
}
