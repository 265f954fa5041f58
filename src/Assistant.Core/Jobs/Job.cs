using LiteDB;

namespace Assistant.Core.Jobs;

/// <summary>
/// Slow work queued by a handler and done outside the update's transaction (downloads, documents,
/// model calls). Written in the same transaction as the change that needs it, so it is never lost.
/// </summary>
public sealed class Job
{
    public long Id { get; set; }

    public string Kind { get; set; } = "";

    public BsonDocument Payload { get; set; } = [];

    public DateTime DueUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>What became of one run of a job.</summary>
public abstract record JobResult
{
    public static JobResult Done { get; } = new Completed();

    public sealed record Completed : JobResult;

    /// <summary>Try again after the delay (network trouble, a channel not reachable yet).</summary>
    public sealed record Retry(TimeSpan After, string Reason) : JobResult;

    /// <summary>It will never work; kept in jobs_dead with the reason.</summary>
    public sealed record Failed(string Reason) : JobResult;
}

/// <summary>Runs the jobs of one kind.</summary>
public interface IJobHandler
{
    string Kind { get; }

    Task<JobResult> RunAsync(Job job, CancellationToken cancellationToken);
}
