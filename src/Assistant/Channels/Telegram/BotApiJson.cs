using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Telegram.Bot;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Makes Telegram.Bot read and write the Bot API through its source-generated JSON contract
/// (<see cref="JsonBotSerializerContext"/>) instead of reflection. Telegram.Bot only does so by itself when
/// reflection-based JSON is off for the whole program; this program leaves it on for other libraries, so without
/// this step every Bot API type is read by reflection, and the native program has to keep all of Telegram.Bot whole
/// for that reflection to find its members. With the generated contract first, the trimmer keeps what the contract
/// names and drops the rest (README, Performance). The contract of the sender's lean answers
/// (<see cref="AcknowledgedJson"/>) comes next, and reflection last, for any type neither names.
/// </summary>
internal static class BotApiJson
{
    private static readonly Lock Gate = new();

    /// <summary>Call before the first Bot API request; later calls, and calls after the options are in use, do nothing.</summary>
    public static void UseGeneratedContract()
    {
        lock (Gate)
        {
            var options = JsonBotAPI.Options;
            if (options.IsReadOnly || options.TypeInfoResolverChain.Contains(JsonBotSerializerContext.Default))
            {
                return;
            }

            options.TypeInfoResolverChain.Insert(0, JsonBotSerializerContext.Default);
            options.TypeInfoResolverChain.Insert(1, AcknowledgedJson.Default);
            if (JsonSerializer.IsReflectionEnabledByDefault)
            {
                options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
            }
        }
    }
}
