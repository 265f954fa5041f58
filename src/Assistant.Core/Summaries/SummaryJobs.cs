using Assistant.Core.Jobs;
using Assistant.Core.Teams;
using LiteDB;

namespace Assistant.Core.Summaries;

/// <summary>
/// Writes a brief in the background (a model may take a minute) and sends it; while a model writes,
/// the chat shows "typing…" and a brief written in parts says which part it is on. The asker's role
/// is checked again when the job runs: a leader or liaison demoted meanwhile gets nothing.
/// </summary>
public sealed class SummaryJobs(
    JobStore jobs, SummaryService summaries, IBriefWriter writer, TeamStore teams, Outbox outbox, AssistantDatabase db, ChatActivity activity, TextCatalog catalog, TimeProvider time)
    : IJobHandler
{
    public const string JobKind = "summary";

    public string Kind => JobKind;

    public void QueueDaily(int teamId, DateOnly day, long userId, long chatId, string trigger, DateTime utcNow) =>
        jobs.Enqueue(JobKind, new BsonDocument
        {
            ["kind"] = nameof(SummaryKind.Daily),
            ["team"] = teamId,
            ["day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["user"] = userId,
            ["chat"] = chatId,
            ["trigger"] = trigger,
        }, utcNow);

    public void QueueFeedback(int teamId, long userId, long chatId, DateTime utcNow) =>
        jobs.Enqueue(JobKind, new BsonDocument
        {
            ["kind"] = nameof(SummaryKind.Feedback),
            ["team"] = teamId,
            ["user"] = userId,
            ["chat"] = chatId,
            ["trigger"] = "command",
        }, utcNow);

    public async Task<JobResult> RunAsync(Job job, CancellationToken cancellationToken)
    {
        var p = job.Payload;
        var member = teams.GetMember(p["user"].AsInt64);
        var team = teams.GetTeam(p["team"].AsInt32);
        if (member is null || team is null || member.TeamId != team.Id || !AccessPolicy.Allows(member.Role, Permission.WriteReport))
        {
            return JobResult.Done;
        }

        var chat = p["chat"].AsInt64;
        Summary summary;
        await using (writer.TakesTime ? activity.Typing(chat) : null)
        {
            using var progress = new WritingProgress(outbox, db, time, catalog.For(member.Language), chat);
            summary = p["kind"].AsString == nameof(SummaryKind.Feedback)
                ? await summaries.FeedbackAsync(team, member.Language, member.Id, progress, cancellationToken)
                : await summaries.DailyAsync(team, DateOnly.ParseExact(p["day"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture), member.Language, member.Id, p["trigger"].AsString, progress, cancellationToken);
        }

        var queued = db.InTransaction(() => outbox.Enqueue(SummaryService.Messages(summary, chat, team.Code), time.GetUtcNow().UtcDateTime));
        outbox.NotifyAfterCommit(queued);
        return JobResult.Done;
    }
}
