using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using LiteDB.Engine;

namespace Assistant.Core.Storage;

/// <summary>
/// Waits for LiteDB's log writer to empty its queue. LiteDB 5.0 hands a commit's log pages to a
/// writer of its own and may return from <c>Commit</c> before they reach the file; waiting here
/// makes a commit mean "in the log file" (and lets a failed write be seen before the caller is
/// told the work is saved). LiteDB exposes no API for this, so the writer's "queue is empty" event
/// is found by reflection once per engine; <see cref="Verify"/> fails at start-up if a LiteDB
/// upgrade renamed it, rather than silently losing the guarantee.
/// </summary>
internal sealed class LogWriterDrain(LiteEngine engine)
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
    private static readonly FieldInfo? Disk = typeof(LiteEngine).GetField("_disk", Private);
    private static readonly PropertyInfo? Queue = Disk?.FieldType.GetProperty("Queue");
    private static readonly FieldInfo? QueueIsEmpty = typeof(LiteEngine).Assembly.GetType("LiteDB.Engine.DiskWriterQueue")?.GetField("_queueIsEmpty", Private);

    private ManualResetEventSlim? _empty;

    /// <summary>Throws when this LiteDB build does not have the members the drain relies on.</summary>
    public static void Verify()
    {
        if (Disk is null || Queue is null || QueueIsEmpty is null)
        {
            throw new InvalidOperationException($"LiteDB {typeof(LiteEngine).Assembly.GetName().Version} has no log writer queue where expected (LiteEngine._disk.Queue._queueIsEmpty); see LogWriterDrain.");
        }
    }

    /// <summary>Waits until every page handed to the writer has been written; false on timeout.</summary>
    /// <remarks>The writer queue is a <see cref="Lazy{T}"/> of a type internal to LiteDB, so its properties are read by
    /// reflection; the dependency keeps them for the program compiled ahead of time, which otherwise trims them.</remarks>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(Lazy<>))]
    public bool Wait(TimeSpan timeout)
    {
        if (_empty is null)
        {
            var queue = Queue!.GetValue(Disk!.GetValue(engine));
            var type = queue!.GetType();
            if (!(bool)type.GetProperty(nameof(Lazy<object>.IsValueCreated))!.GetValue(queue)!)
            {
                return true;
            }

            _empty = (ManualResetEventSlim)QueueIsEmpty!.GetValue(type.GetProperty(nameof(Lazy<object>.Value))!.GetValue(queue))!;
        }

        return _empty.Wait(timeout);
    }
}
