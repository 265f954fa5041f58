using Assistant.Core.Dispatching;

namespace Assistant.Core.Conversations;

public static class ConversationsRegistration
{
    /// <summary>The flow engine, drafts and the janitor that drops abandoned drafts. Flows register themselves as <see cref="IFlow"/>.</summary>
    public static IHostApplicationBuilder AddConversations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(DraftStore), DraftStore.EnsureSchema);
        services.AddSingleton<DraftStore>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<IConversationRunner>(sp => sp.GetRequiredService<ConversationEngine>());
        services.AddSingleton<DraftJanitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DraftJanitor>());
        return builder;
    }
}
