using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;
using Assistant.Core.Jobs;
using Assistant.Core.Teams;
using LiteDB;

namespace Assistant.Core.Findings.Suggestions;

/// <summary>
/// The model's suggestions for a draft opened from one message, in the background (a model call never runs inside an
/// update's transaction). When they arrive and the member has not answered anything since the draft opened (same draft,
/// same question), the fields still only suggested take the model's values and the draft is shown again; the earlier
/// message's buttons are then stale and change nothing. Otherwise the keyword rules' suggestions stand.
/// </summary>
public sealed class SuggestionRefinement(
    IFindingSuggester suggester, DraftStore drafts, TeamStore teams, FindingFlow flow, Outbox outbox, AssistantDatabase db,
    TextCatalog catalog, TimeProvider time) : IJobHandler
{
    public const string JobKind = "finding-suggestion";

    public string Kind => JobKind;

    /// <summary>Whether the model's suggestions follow the rules' for this text: a model is configured and the text gave a description.</summary>
    public static bool Follows(IFindingSuggester suggester, FindingSuggestion rules) =>
        suggester is not RuleSuggester && rules.Description.Length > 0;

    /// <summary>
    /// Queues the model's suggestions for a draft, to apply while it still stands at question <paramref name="step"/>
    /// (the one just asked, or the one this turn is about to ask). Call inside the update's transaction.
    /// </summary>
    public static void Queue(JobStore jobs, Draft draft, string text, DateTime utcNow, int step)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(draft);
        jobs.Enqueue(JobKind, new BsonDocument { ["user"] = draft.Id, ["nonce"] = draft.Nonce, ["step"] = step, ["text"] = text }, utcNow);
    }

    public async Task<JobResult> RunAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var suggestion = await suggester.SuggestAsync(job.Payload["text"].AsString, cancellationToken);
        if (suggestion.Source != SuggestionSource.Model)
        {
            // The model failed or is not configured: the rules' suggestions are already on the card.
            return JobResult.Done;
        }

        var user = job.Payload["user"].AsInt64;
        var queued = db.InTransaction<IReadOnlyList<OutboxEntry>>(() =>
        {
            var draft = drafts.Get(user);
            if (draft is null || draft.Flow != FindingFlow.FlowName || draft.Nonce != job.Payload["nonce"].AsString || draft.Step != job.Payload["step"].AsInt32
                || teams.GetMember(user) is not { } member || member.TeamId != draft.TeamId || teams.GetTeam(member.TeamId) is not { } team)
            {
                return [];
            }

            var mapper = db.Database.Mapper;
            var data = mapper.ToObject<FindingDraft>(draft.Data);
            if (!FindingFromMessage.Fill(data, suggestion, replaceSuggested: true))
            {
                return [];
            }

            var now = time.GetUtcNow().UtcDateTime;
            var update = new IncomingUpdate { Channel = "job", UpdateId = 0, ChatId = draft.ChatId, UserId = user, Date = time.GetUtcNow() };
            var context = new UpdateContext(update, member, team, isAdmin: false, member.Language, now, team.Zone, catalog);
            var turn = new FlowTurn(context, draft, FlowInput.None, mapper);
            flow.Begin(turn, data);
            draft.UpdatedUtc = now;
            drafts.Save(draft);
            return outbox.Enqueue(context.Outgoing, now);
        });
        outbox.NotifyAfterCommit(queued);
        return JobResult.Done;
    }
}
