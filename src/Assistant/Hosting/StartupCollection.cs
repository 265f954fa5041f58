namespace Assistant.Hosting;

/// <summary>
/// One collection once the host has started: blocking, compacting, and handing the free regions back to the system
/// (<see cref="GCCollectionMode.Aggressive"/>). What the start allocated (settings, container, catalogs, rules) is
/// garbage by then; without this the process would keep those pages for the rest of its life, idle or not. Only the
/// program itself does this (<c>Program.cs</c>); tests that start hosts in one process do not.
/// Measured: README, Performance ("The young generation's budget and one collection after the start").
/// </summary>
public static class StartupCollection
{
    public static void Collect() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
