using LiteDB;

namespace Assistant.Core.Jobs;

/// <summary>Pending jobs by due time; finished ones are removed, failed ones moved to jobs_dead.</summary>
public sealed class JobStore(AssistantDatabase db, WakeSignal<JobRunner> signal)
{
    public const string CollectionName = "jobs";
    public const string DeadCollectionName = "jobs_dead";

    private ILiteCollection<Job> Jobs => db.Collection<Job>(CollectionName);

    /// <summary>Queues a job. The runner is woken when the surrounding transaction ends.</summary>
    public Job Enqueue(string kind, BsonDocument payload, DateTime utcNow, DateTime? dueUtc = null)
    {
        var job = new Job { Kind = kind, Payload = payload, CreatedUtc = utcNow, DueUtc = dueUtc ?? utcNow };
        Jobs.Insert(job);
        AssistantDatabase.OnTransactionEnd(signal.Notify);
        return job;
    }

    public IReadOnlyList<Job> Due(DateTime utcNow, int limit) =>
        Jobs.Find(Where.AtMost(nameof(Job.DueUtc), utcNow), limit: limit).ToList();

    public DateTime? NextDue() => Jobs.Find(Query.All(nameof(Job.DueUtc), Query.Ascending), limit: 1).FirstOrDefault()?.DueUtc;

    public int Count() => Jobs.Count();

    public IReadOnlyList<Job> All() => Jobs.FindAll().ToList();

    public void Complete(Job job) => Jobs.Delete(job.Id);

    public void Reschedule(Job job) => Jobs.Update(job);

    public void Fail(Job job, string reason) => db.InTransaction(() =>
    {
        job.LastError = reason;
        Jobs.Delete(job.Id);
        db.Collection<Job>(DeadCollectionName).Insert(job);
    });

    public IReadOnlyList<Job> Dead() => db.Collection<Job>(DeadCollectionName).FindAll().ToList();

    public static void EnsureSchema(ILiteDatabase database)
    {
        SchemaSetup.EnsureIndexes(database, CollectionName, FieldIndex.On(nameof(Job.DueUtc)));
        SchemaSetup.EnsureCollection(database, DeadCollectionName);
    }
}
