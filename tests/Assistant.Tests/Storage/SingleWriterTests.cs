using Assistant.Core.Storage;
using Assistant.Tests.Support;
using LiteDB;

namespace Assistant.Tests.Storage;

/// <summary>One writer at a time in LiteDB (see SingleWriterEngine): a write waits for another thread's transaction.</summary>
public sealed class SingleWriterTests
{
    [Fact]
    public async Task WriteOnAnotherCollection_WaitsForTheOpenTransaction_AndReadsDoNot()
    {
        using var folder = new TempFolder();
        using var db = AssistantDatabase.Open(folder.DatabasePath, []);
        db.Collection<BsonDocument>("b").Insert(new BsonDocument { ["_id"] = 0 });
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var order = new List<string>();

        var holder = Task.Run(() => db.InTransaction(() =>
        {
            db.Collection<BsonDocument>("a").Insert(new BsonDocument { ["_id"] = 1 });
            inside.Set();
            release.Wait(TimeSpan.FromSeconds(10));
            lock (order)
            {
                order.Add("a committed");
            }
        }));
        Assert.True(inside.Wait(TimeSpan.FromSeconds(10)));

        var writer = Task.Run(() =>
        {
            db.Collection<BsonDocument>("b").Insert(new BsonDocument { ["_id"] = 2 });
            lock (order)
            {
                order.Add("b written");
            }
        });
        var read = Task.Run(() => db.Collection<BsonDocument>("b").Count());

        await read.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(300);
        Assert.False(writer.IsCompleted, "the write went in while another transaction was open");
        release.Set();
        await Task.WhenAll(holder, writer).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["a committed", "b written"], order);
        Assert.Equal(2, db.Collection<BsonDocument>("b").Count());
    }
}
