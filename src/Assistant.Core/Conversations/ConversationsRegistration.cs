using Assistant.Core.Dispatching;

namespace Assistant.Core.Conversations;

public static class ConversationsRegistration
{
    /// <summary>The flow engine, drafts and the janitor that drops abandoned drafts. Flows register with <see cref="AddFlow{T}"/>.</summary>
    public static IHostApplicationBuilder AddConversations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(DraftStore), DraftStore.EnsureSchema);
        services.AddSingleton<DraftStore>();
        services.AddSingletonAs<ConversationEngine>(typeof(IConversationRunner));
        services.AddHostedSingleton<DraftJanitor>();
        return builder;
    }

    /// <summary>Registers a flow: as itself (to start it) and as an <see cref="IFlow"/> (the engine finds it by name).</summary>
    public static IServiceCollection AddFlow<T>(this IServiceCollection services)
        where T : class, IFlow => services.AddSingletonAs<T>(typeof(IFlow));
}
