using System.Collections.Concurrent;
using Assistant.Core.Messaging;
using Assistant.Core.Storage;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Messaging;

public sealed class OutboxSenderTests
{
    [Fact]
    public async Task Sender_429WithRetryAfter_WaitsThatLongThenDeliversOnceInOrder()
    {
        var transport = new ScriptedTransport(DeliveryLimits.Unlimited);
        transport.Script.Enqueue(new DeliveryResult.RetryLater("429", TimeSpan.FromSeconds(7)));
        using var h = CoreHarness.Create(configure: b => b.Services.AddSingleton<IMessageTransport>(transport));
        await using var run = await SenderRun.StartAsync(h);

        run.Enqueue(10, "first", "second");
        await Eventually.TrueAsync(() => h.Logs.Contains("asked to wait 7s"), "the sender to honour retry_after", detail: () => h.Logs.AllText);
        h.Time.Advance(TimeSpan.FromSeconds(6));
        await Task.Delay(100);
        Assert.Empty(transport.Delivered);

        h.Time.Advance(TimeSpan.FromSeconds(2));
        await transport.WaitForDeliveredAsync(2);

        Assert.Equal(["first", "second"], transport.Delivered.Select(d => d.Html).ToArray());
        Assert.Equal(0, h.Get<Outbox>().PendingCount());
    }

    [Fact]
    public async Task Sender_TransientFailures_BackOffAndDeliverWhenTheChannelReturns()
    {
        var transport = new ScriptedTransport(DeliveryLimits.Unlimited);
        for (var i = 0; i < 3; i++)
        {
            transport.Script.Enqueue(new DeliveryResult.RetryLater("502 Bad Gateway"));
        }

        using var h = CoreHarness.Create(configure: b => b.Services.AddSingleton<IMessageTransport>(transport));
        await using var run = await SenderRun.StartAsync(h);

        run.Enqueue(11, "hello");
        for (var i = 1; i <= 3; i++)
        {
            await Eventually.TrueAsync(() => h.Logs.Contains($"retry {i} in"), $"backoff {i}", detail: () => h.Logs.AllText);
            h.Time.Advance(TimeSpan.FromSeconds(Math.Pow(2, i - 1)));
        }

        await transport.WaitForDeliveredAsync(1);
        Assert.Equal("hello", Assert.Single(transport.Delivered).Html);
        Assert.Equal(4, transport.Attempts);
    }

    [Fact]
    public async Task Sender_PermanentFailure_MovesToDeadLettersAndGoesOn()
    {
        var transport = new ScriptedTransport(DeliveryLimits.Unlimited);
        transport.Script.Enqueue(new DeliveryResult.Failed("403: bot was blocked by the user"));
        using var h = CoreHarness.Create(configure: b => b.Services.AddSingleton<IMessageTransport>(transport));
        await using var run = await SenderRun.StartAsync(h);

        run.Enqueue(12, "lost", "kept");
        await transport.WaitForDeliveredAsync(1);

        Assert.Equal("kept", Assert.Single(transport.Delivered).Html);
        var dead = Assert.Single(h.Get<Outbox>().DeadLetters());
        Assert.Equal("lost", dead.Html);
        Assert.Contains("blocked", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sender_PerChatLimit_QueuesABurstInsteadOfFailing()
    {
        var transport = new ScriptedTransport(DeliveryLimits.Telegram);
        using var h = CoreHarness.Create(configure: b => b.Services.AddSingleton<IMessageTransport>(transport));
        await using var run = await SenderRun.StartAsync(h);

        run.Enqueue(13, "1", "2", "3", "4", "5");
        await transport.WaitForDeliveredAsync(3);
        await Task.Delay(100);
        Assert.Equal(3, transport.Delivered.Count);

        // At most 3 in any 3 seconds: nothing more until the burst leaves the window.
        h.Time.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Delay(100);
        Assert.Equal(3, transport.Delivered.Count);

        h.Time.Advance(TimeSpan.FromSeconds(0.1));
        await transport.WaitForDeliveredAsync(5);
        Assert.Equal(["1", "2", "3", "4", "5"], transport.Delivered.Select(d => d.Html).ToArray());
    }

    [Fact]
    public async Task Sender_AnnouncementArrivingAfterTheSweepSentTheRow_DoesNotSendItTwice()
    {
        var transport = new ScriptedTransport(DeliveryLimits.Unlimited);
        using var h = CoreHarness.Create(configure: b => b.Services.AddSingleton<IMessageTransport>(transport));
        var outbox = h.Get<Outbox>();
        var queued = h.Get<AssistantDatabase>().InTransaction(() =>
            outbox.Enqueue([new OutgoingMessage { ChatId = 14, Html = "a" }, new OutgoingMessage { ChatId = 14, Html = "b" }], DateTime.UtcNow));

        // The sweep at start finds the rows before their announcement is read...
        await using var run = await SenderRun.StartAsync(h);
        await transport.WaitForDeliveredAsync(2);

        // ...which then arrives, carrying the messages.
        outbox.NotifyAfterCommit(queued);
        await Task.Delay(200);

        Assert.Equal(["a", "b"], transport.Delivered.Select(d => d.Html).ToArray());
    }

    [Fact]
    public async Task AfterARestart_RowsSentAtStartDoNotLendTheirIdsToNewRows()
    {
        // A run that was stopped with rows 4 and 5 of chat 20 still unsent (1 to 3 had gone).
        using var folder = new TempFolder();
        using (var before = CoreHarness.Create(folder))
        {
            var outbox = before.Get<Outbox>();
            var queued = before.Get<AssistantDatabase>().InTransaction(() =>
                outbox.Enqueue(Enumerable.Range(1, 5).Select(i => new OutgoingMessage { ChatId = 20, Html = $"old {i}" }), DateTime.UtcNow));
            foreach (var sent in queued.Take(3))
            {
                outbox.Delete(sent.Id);
            }

            Assert.Equal([4L, 5L], outbox.Pending().Select(e => e.Id - queued[0].Id + 1));
        }

        // The next run sends and removes them first, then has five new messages to send.
        var transport = new ScriptedTransport(DeliveryLimits.Unlimited);
        using var h = CoreHarness.Create(folder, configure: b => b.Services.AddSingleton<IMessageTransport>(transport));
        await using var run = await SenderRun.StartAsync(h);
        await transport.WaitForDeliveredAsync(2);
        await Eventually.TrueAsync(() => h.Get<Outbox>().PendingCount() == 0, "the sent rows to be removed");
        run.Enqueue(20, "new 1", "new 2", "new 3", "new 4", "new 5");
        await transport.WaitForDeliveredAsync(7);

        Assert.Equal(["old 4", "old 5", "new 1", "new 2", "new 3", "new 4", "new 5"], transport.Delivered.Select(d => d.Html).ToArray());
        await Eventually.TrueAsync(() => h.Get<Outbox>().PendingCount() == 0, "every row to be sent and removed");
    }

    [Fact]
    public async Task Stop_WhileASendIsOnTheWire_WaitsForTheAnswerAndRemovesTheRow()
    {
        var transport = new HeldTransport();
        using var h = CoreHarness.Create(configure: b => b.Services.AddSingleton<IMessageTransport>(transport));
        var run = await SenderRun.StartAsync(h);
        run.Enqueue(15, "on the wire");
        await transport.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var stopping = run.DisposeAsync().AsTask();
        await Task.Delay(100);
        transport.Answer.SetResult();
        await stopping;

        Assert.Equal(1, transport.Answered);
        Assert.Equal(0, h.Get<Outbox>().PendingCount());
    }

    /// <summary>Starts the real <see cref="OutboxSender"/> of a harness and stops it at the end.</summary>
    private sealed class SenderRun : IAsyncDisposable
    {
        private readonly CoreHarness _h;
        private readonly OutboxSender _sender;

        private SenderRun(CoreHarness h, OutboxSender sender)
        {
            _h = h;
            _sender = sender;
        }

        public static async Task<SenderRun> StartAsync(CoreHarness h)
        {
            var sender = h.Get<OutboxSender>();
            await sender.StartAsync(CancellationToken.None);
            return new SenderRun(h, sender);
        }

        public void Enqueue(long chat, params string[] texts)
        {
            var outbox = _h.Get<Outbox>();
            var queued = _h.Get<AssistantDatabase>().InTransaction(() =>
                outbox.Enqueue(texts.Select(t => new OutgoingMessage { ChatId = chat, Html = t }), DateTime.UtcNow));
            outbox.NotifyAfterCommit(queued);
        }

        public async ValueTask DisposeAsync() => await _sender.StopAsync(CancellationToken.None);
    }

    /// <summary>Holds the first send until <see cref="Answer"/> is set, as a slow Bot API would.</summary>
    private sealed class HeldTransport : IMessageTransport
    {
        private int _answered;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Answered => _answered;

        public DeliveryLimits Limits => DeliveryLimits.Unlimited;

        public async Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Answer.Task.WaitAsync(cancellationToken);
            Interlocked.Increment(ref _answered);
            return new DeliveryResult.Delivered();
        }
    }

    private sealed class ScriptedTransport(DeliveryLimits limits) : IMessageTransport
    {
        private int _attempts;

        public ConcurrentQueue<DeliveryResult> Script { get; } = new();

        public ConcurrentQueue<OutboxItem> DeliveredQueue { get; } = new();

        public IReadOnlyList<OutboxItem> Delivered => [.. DeliveredQueue];

        public int Attempts => _attempts;

        public DeliveryLimits Limits => limits;

        public Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            if (Script.TryDequeue(out var scripted))
            {
                return Task.FromResult(scripted);
            }

            DeliveredQueue.Enqueue(item);
            return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered());
        }

        public Task WaitForDeliveredAsync(int count) => Eventually.TrueAsync(() => DeliveredQueue.Count >= count, $"{count} deliveries");
    }
}
