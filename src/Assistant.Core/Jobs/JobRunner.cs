using System.Collections.Frozen;

namespace Assistant.Core.Jobs;

/// <summary>
/// Runs due jobs, one at a time, oldest due first. A job is removed only after it succeeded, so a
/// crash in the middle runs it again on restart (job handlers are written to be repeatable).
/// </summary>
public sealed class JobRunner(
    JobStore store,
    WakeSignal<JobRunner> signal,
    IEnumerable<IJobHandler> handlers,
    TimeProvider time,
    ILogger<JobRunner> logger) : DueWorkService<JobRunner>(signal, time, MaxWait, TimeSpan.FromSeconds(1))
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private readonly FrozenDictionary<string, IJobHandler> _handlers = handlers.ToFrozenDictionary(h => h.Kind);

    protected override Task RunPassAsync(CancellationToken cancellationToken) => RunDueAsync(cancellationToken);

    protected override DateTime? NextDueUtc() => store.NextDue();

    protected override void LogFailure(Exception exception) =>
        logger.LogError("The job runner hit an error ({Error}); continuing in a moment.", exception.Message);

    /// <summary>Runs every job due now; returns how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var ran = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var due = store.Due(Time.GetUtcNow().UtcDateTime, 20);
            if (due.Count == 0)
            {
                return ran;
            }

            foreach (var job in due)
            {
                await RunAsync(job, cancellationToken);
                ran++;
            }
        }

        return ran;
    }

    private async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            store.Fail(job, $"no handler for job kind '{job.Kind}'");
            return;
        }

        JobResult result;
        try
        {
            result = await handler.RunAsync(job, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Job {Id} ({Kind}) failed.", job.Id, job.Kind);
            result = new JobResult.Retry(Backoff.Doubling(job.Attempts + 1, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)), ex.Message);
        }

        switch (result)
        {
            case JobResult.Completed:
                store.Complete(job);
                break;
            case JobResult.Retry retry when job.Attempts < 20:
                job.Attempts++;
                job.LastError = retry.Reason;
                job.DueUtc = Time.GetUtcNow().UtcDateTime + retry.After;
                store.Reschedule(job);
                logger.LogWarning("Job {Id} ({Kind}) will be retried in {Seconds}s: {Reason}", job.Id, job.Kind, retry.After.TotalSeconds, retry.Reason);
                break;
            case JobResult.Retry retry:
                store.Fail(job, "gave up after 20 attempts: " + retry.Reason);
                break;
            case JobResult.Failed failed:
                logger.LogWarning("Job {Id} ({Kind}) failed for good: {Reason}", job.Id, job.Kind, failed.Reason);
                store.Fail(job, failed.Reason);
                break;
        }
    }
}
