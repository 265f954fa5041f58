using LiteDB;

namespace Assistant.Core.Teams;

/// <summary>
/// Stops the guessing of invitation codes. After <see cref="MaxWrong"/> wrong codes within <see cref="Window"/>, a
/// user (and, for codes sent in a group, that chat) must wait: <see cref="FirstWait"/>, twice as long at each
/// further lock-out, at most <see cref="LongestWait"/>, and forgotten after a day without a wrong code. During a
/// wait no code is tried, so a valid one is neither accepted nor used up. The operator log gets one line per
/// lock-out, not one per attempt.
/// </summary>
/// <remarks>
/// The counters are rows in LiteDB, written in the transaction of the update that sent the code: a restart does
/// not lift a wait, an update delivered twice is counted once (the dispatcher's dedupe), and an update the
/// dispatcher rolls back and runs again is not counted twice, which counters in memory could not promise.
/// A row is small and rows a day old are deleted at each lock-out (the only time many may have piled up).
/// </remarks>
public sealed class CodeGuessing(AssistantDatabase db, ILogger<CodeGuessing> logger)
{
    public const string CollectionName = "code_attempts";
    public const int MaxWrong = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(24);

    /// <summary>How long lock-outs are remembered for doubling the next one.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromHours(24);

    private ILiteCollection<CodeAttempts> Rows => db.Collection<CodeAttempts>(CollectionName);

    /// <summary>Until when the user or the chat must wait before a code is tried again; null when a code may be tried now.</summary>
    public DateTime? WaitUntil(long userId, long chatId, DateTime utcNow) =>
        Keys(userId, chatId).Select(key => Rows.ById(key)?.WaitUntilUtc).Where(until => until > utcNow).Max();

    /// <summary>Counts a wrong code; returns the end of the wait it starts, or null while fewer than <see cref="MaxWrong"/>.</summary>
    public DateTime? Wrong(long userId, long chatId, DateTime utcNow)
    {
        DateTime? wait = null;
        foreach (var key in Keys(userId, chatId))
        {
            var row = Rows.ById(key) ?? new CodeAttempts { Id = key };
            if (row.LastWrongUtc < utcNow - Memory)
            {
                row.LockOuts = 0;
                row.Recent.Clear();
            }

            row.Recent.RemoveAll(time => time <= utcNow - Window);
            row.Recent.Add(utcNow);
            row.LastWrongUtc = utcNow;
            if (row.Recent.Count >= MaxWrong)
            {
                row.LockOuts++;
                var length = TimeSpan.FromTicks(Math.Min(FirstWait.Ticks << Math.Min(row.LockOuts - 1, 16), LongestWait.Ticks));
                row.WaitUntilUtc = utcNow + length;
                row.Recent.Clear();
                wait = wait is { } other && other > row.WaitUntilUtc ? other : row.WaitUntilUtc;
                logger.LogWarning(
                    "Invitation codes: {Who} sent {Count} wrong codes within {Window} minutes; no code is tried for them until {Until} UTC (lock-out {LockOut}, {Minutes} minutes).",
                    Describe(key), MaxWrong, Window.TotalMinutes, row.WaitUntilUtc.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), row.LockOuts, length.TotalMinutes);
                Rows.DeleteMany(Where.AtMost(nameof(CodeAttempts.LastWrongUtc), utcNow - Memory));
            }

            Rows.Upsert(row);
        }

        return wait;
    }

    /// <summary>Forgets the user's wrong codes once a code admitted them.</summary>
    public void Joined(long userId) => Rows.Delete(UserKey(userId));

    public static void EnsureSchema(ILiteDatabase database) =>
        SchemaSetup.EnsureIndexes(database, CollectionName, FieldIndex.On(nameof(CodeAttempts.LastWrongUtc)));

    private static string UserKey(long userId) => "u" + userId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The user, and the chat when it is not the user's private chat (a group).</summary>
    private static IEnumerable<string> Keys(long userId, long chatId) =>
        chatId == userId ? [UserKey(userId)] : [UserKey(userId), "c" + chatId.ToString(CultureInfo.InvariantCulture)];

    private static string Describe(string key) => (key[0] == 'u' ? "user " : "group chat ") + key[1..];
}

/// <summary>Recent wrong invitation codes of one user ("u123") or one group chat ("c-100…").</summary>
public sealed class CodeAttempts
{
    public string Id { get; set; } = "";

    /// <summary>Times of the wrong codes within the window (at most <see cref="CodeGuessing.MaxWrong"/>).</summary>
    public List<DateTime> Recent { get; set; } = [];

    public DateTime LastWrongUtc { get; set; }

    /// <summary>Lock-outs so far; each one is twice as long as the one before.</summary>
    public int LockOuts { get; set; }

    public DateTime? WaitUntilUtc { get; set; }
}
