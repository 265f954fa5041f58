using System.Runtime.CompilerServices;
using System.Text.Json;
using Assistant.Channels.Telegram;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;

namespace Assistant.Tests.Channels;

/// <summary>
/// The program reads and writes the Bot API through Telegram.Bot's generated JSON contract, so that the native
/// program need not keep Telegram.Bot whole for reflection. These tests hold the contract to every request the
/// library can send, and the suite runs Telegram.Bot the same way as the program.
/// </summary>
public sealed class BotApiJsonTests
{
    /// <summary>Every test in this assembly talks to the fake Bot API as the program does.</summary>
    [ModuleInitializer]
    internal static void UseTheProgramsContract() => BotApiJson.UseGeneratedContract();

    [Fact]
    public void The_generated_contract_comes_first_and_reflection_stays_behind_it()
    {
        BotApiJson.UseGeneratedContract(); // a second call changes nothing

        var chain = JsonBotAPI.Options.TypeInfoResolverChain;
        Assert.Same(JsonBotSerializerContext.Default, chain[0]);
        Assert.Equal(1, chain.Count(r => ReferenceEquals(r, JsonBotSerializerContext.Default)));
        Assert.Same(JsonBotSerializerContext.Default, JsonBotAPI.Options.GetTypeInfo(typeof(Update)).OriginatingResolver);
    }

    [Fact]
    public void Every_request_and_its_answer_is_named_by_the_generated_contract()
    {
        var requests = typeof(SendMessageRequest).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && t.Namespace == typeof(SendMessageRequest).Namespace)
            .Select(t => (Request: t, Answer: AnswerOf(t)))
            .Where(p => p.Answer is not null)
            .ToList();
        Assert.True(requests.Count > 100, $"only {requests.Count} requests found");

        var missing = requests
            .SelectMany(p => new[] { p.Request, typeof(ApiResponse<>).MakeGenericType(p.Answer!) })
            .Where(t => JsonBotSerializerContext.Default.GetTypeInfo(t) is null)
            .Select(t => t.Name)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void An_update_round_trips_through_the_contract_in_the_Bot_API_s_spelling()
    {
        const string json = """
            {"update_id":7,"callback_query":{"id":"q1","from":{"id":1001,"is_bot":false,"first_name":"李"},
             "chat_instance":"c","data":"finding:save",
             "message":{"message_id":42,"date":1796000000,"chat":{"id":1001,"type":"private"},
                        "photo":[{"file_id":"p1","file_unique_id":"u1","width":90,"height":60}],"caption":"钢瓶"}}}
            """;

        var update = JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!;

        Assert.Equal("finding:save", update.CallbackQuery!.Data);
        Assert.Equal("p1", update.CallbackQuery.Message!.Photo![0].FileId);
        var written = JsonSerializer.Serialize(new SendMessageRequest { ChatId = 1001, Text = "已保存" }, JsonBotAPI.Options);
        Assert.Contains("\"chat_id\":1001", written);
    }

    private static Type? AnswerOf(Type request)
    {
        for (var t = request; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition().Name.StartsWith("RequestBase", StringComparison.Ordinal))
            {
                return t.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
