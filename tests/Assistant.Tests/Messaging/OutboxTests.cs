using Assistant.Core.Messaging;
using Assistant.Core.Storage;
using Assistant.Tests.Support;

namespace Assistant.Tests.Messaging;

public sealed class OutboxTests
{
    [Fact]
    public void Enqueue_LongText_IsSplitWithButtonsOnTheLastPart()
    {
        using var h = CoreHarness.Create();
        var outbox = h.Get<Outbox>();
        var text = string.Join('\n', Enumerable.Range(0, 800).Select(i => $"第{i}行"));
        Button[] row = [new Button("OK", "x:1")];

        h.Get<AssistantDatabase>().InTransaction(() => outbox.Enqueue([new OutgoingMessage { ChatId = 5, Html = text, Keyboard = [row] }], DateTime.UtcNow));

        var items = h.Messages(5);
        Assert.True(items.Count > 1);
        Assert.All(items.SkipLast(1), i => Assert.Null(i.Keyboard));
        Assert.Equal("x:1", items[^1].Keyboard![0][0].Data);
    }

    [Fact]
    public void Enqueue_FileWithLongCaption_SendsTextFirstThenTheFile()
    {
        using var h = CoreHarness.Create();
        var outbox = h.Get<Outbox>();
        var caption = new string('字', 1500);

        h.Get<AssistantDatabase>().InTransaction(() => outbox.Enqueue([new OutgoingMessage { ChatId = 6, Html = caption, File = new OutgoingFile("a.xlsx", [1, 2, 3]) }], DateTime.UtcNow));

        var items = h.Messages(6);
        Assert.Equal(2, items.Count);
        Assert.Equal(caption, items[0].Html);
        Assert.Null(items[0].FileName);
        Assert.Equal("a.xlsx", items[1].FileName);
        Assert.Equal("", items[1].Html);
    }

    [Fact]
    public void Enqueue_FileWithShortCaption_IsOneItem()
    {
        using var h = CoreHarness.Create();
        h.Get<AssistantDatabase>().InTransaction(() => h.Get<Outbox>().Enqueue([new OutgoingMessage { ChatId = 7, Html = "台账", File = new OutgoingFile("a.csv", [1]) }], DateTime.UtcNow));

        var item = Assert.Single(h.Messages(7));
        Assert.Equal("台账", item.Html);
        Assert.Equal([1], item.FileContent);
    }
}
