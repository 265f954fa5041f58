using Assistant.Core.Storage;
using LiteDB;

namespace Assistant.Tests.Storage;

/// <summary>
/// <see cref="Where.ById{T}"/>: LiteDB's FindById with one parsed expression per thread whose parameter is set for each
/// lookup. These check that every lookup finds its own row: in turn, on many threads at once, and when one is made while
/// another is reading on the same thread.
/// </summary>
public sealed class ByIdTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ia-byid-").FullName;
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _rows;

    public ByIdTests()
    {
        _database = new LiteDatabase(Path.Combine(_folder, "byid.db"));
        _rows = _database.GetCollection("rows");
        for (var i = 1; i <= 200; i++)
        {
            _rows.Insert(new BsonDocument { ["_id"] = i, ["Name"] = $"row {i}" });
        }

        _rows.Insert(new BsonDocument { ["_id"] = "chat:7", ["Name"] = "a text key" });
    }

    [Fact]
    public void InTurn_EachLookupFindsItsOwnRow_AndAMissingOneNothing()
    {
        for (var i = 200; i >= 1; i--)
        {
            Assert.Equal($"row {i}", _rows.ById(i)!["Name"].AsString);
        }

        Assert.Equal("a text key", _rows.ById("chat:7")!["Name"].AsString);
        Assert.Null(_rows.ById(201));
        Assert.Null(_rows.ById("chat:8"));
        Assert.Throws<ArgumentNullException>(() => _rows.ById(BsonValue.Null));
    }

    [Fact]
    public async Task OnManyThreadsAtOnce_NoLookupSeesAnotherOnesId()
    {
        var wrong = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var n = 0; n < 500; n++)
            {
                var id = 1 + ((n * 7) + t) % 200;
                if (_rows.ById(id)?["Name"].AsString != $"row {id}")
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        })));

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void ALookupInsideAnother_BothFindTheirRows_AndTheNextLookupToo()
    {
        var nested = _database.GetCollection<Probe>("rows", BsonAutoId.Int32);
        var inner = "";
        Probe.OnRead = () =>
        {
            Probe.OnRead = null; // once: the inner lookup reads a row too
            inner = _rows.ById(42)!["Name"].AsString;
        };

        var outer = nested.ById(7);

        Assert.Equal("row 7", outer!.Name);
        Assert.Equal("row 42", inner);
        Assert.Equal("row 8", _rows.ById(8)!["Name"].AsString);
    }

    public void Dispose()
    {
        Probe.OnRead = null;
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A row whose name, as LiteDB sets it while reading, can run a lookup of its own.</summary>
    private sealed class Probe
    {
        [ThreadStatic]
        public static Action? OnRead;

        private string _name = "";

        public int Id { get; set; }

        public string Name
        {
            get => _name;
            set
            {
                _name = value;
                OnRead?.Invoke();
            }
        }
    }
}
