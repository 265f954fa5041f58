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

    [Fact]
    public void A_sent_message_is_acknowledged_by_the_generated_contract_without_reading_the_message()
    {
        const string json = """
            {"ok":true,"result":{"message_id":42,"date":1796000000,"chat":{"id":1001,"type":"private"},
             "text":"已保存","entities":[{"type":"bold","offset":0,"length":3}],
             "reply_markup":{"inline_keyboard":[[{"text":"保存","callback_data":"finding:save"}]]}}}
            """;

        var info = JsonBotAPI.Options.GetTypeInfo(typeof(ApiResponse<Acknowledged>));
        var answer = (ApiResponse<Acknowledged>)JsonSerializer.Deserialize(json, info)!;

        Assert.Same(AcknowledgedJson.Default, info.OriginatingResolver);
        Assert.True(answer.Ok);
        Assert.NotNull(answer.Result); // Telegram.Bot takes a null result for a failed request
        var failed = JsonSerializer.Deserialize<ApiResponse<Acknowledged>>(
            """{"ok":false,"error_code":400,"description":"Bad Request: message to edit not found"}""", JsonBotAPI.Options)!;
        Assert.Equal((false, 400, "Bad Request: message to edit not found"), (failed.Ok, failed.ErrorCode, failed.Description));
        Assert.Null(failed.Result);
    }

    [Fact]
    public async Task An_acknowledged_request_sends_the_same_body_as_Telegram_Bot_s_own()
    {
        var request = new EditMessageTextRequest { ChatId = 1001, MessageId = 42, Text = "<b>已保存</b>", ParseMode = Telegram.Bot.Types.Enums.ParseMode.Html };
        var acknowledged = new AcknowledgedRequest(request);

        Assert.Equal(("editMessageText", HttpMethod.Post), (acknowledged.MethodName, acknowledged.HttpMethod));
        using var content = acknowledged.ToHttpContent()!;
        var body = await content.ReadAsStringAsync();
        Assert.Equal(JsonSerializer.Serialize(request, JsonBotAPI.Options), body);
        Assert.Contains("\"message_id\":42", body, StringComparison.Ordinal);
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
