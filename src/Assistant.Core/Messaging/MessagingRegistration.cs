using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Core.Messaging;

public static class MessagingRegistration
{
    /// <summary>The outbox and its sender. The channel registers the <see cref="IMessageTransport"/>.</summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(Outbox), Outbox.EnsureSchema);
        services.AddSingletons(typeof(OutboxSignal), typeof(Outbox), typeof(DeliveryLog), typeof(ChatActivity));
        services.TryAddSingleton<IMiniAppLink, NoMiniApp>();
        services.AddHostedSingleton<OutboxSender>();
        return builder;
    }
}
