using System.Collections.Frozen;
using System.Security.Cryptography;
using Assistant.Core.Dispatching;

namespace Assistant.Core.Conversations;

/// <summary>
/// Runs flows. Loads the member's draft, hands the input to its flow, saves the draft again, all
/// inside the update's transaction. A button from an earlier question or another draft is stale: it
/// changes nothing and says so. A draft taken up again (its flow started anew, or a message after an
/// hour's pause) says so, with what it holds.
/// </summary>
public sealed class ConversationEngine : IConversationRunner
{
    private const string NonceAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>A draft untouched this long is announced again when the member's next message goes into it.</summary>
    public static readonly TimeSpan ResumeNoticeAfter = TimeSpan.FromHours(1);

    private readonly DraftStore _drafts;
    private readonly FrozenDictionary<string, IFlow> _flows;
    private readonly AssistantDatabase _db;
    private readonly IOptions<AssistantOptions> _options;

    public ConversationEngine(DraftStore drafts, IEnumerable<IFlow> flows, AssistantDatabase db, IOptions<AssistantOptions> options)
    {
        _drafts = drafts;
        _flows = flows.ToFrozenDictionary(f => f.Name);
        _db = db;
        _options = options;
    }

    public TimeSpan DraftTimeout => TimeSpan.FromHours(_options.Value.DraftTimeoutHours);

    public IReadOnlyCollection<IFlow> Flows => _flows.Values;

    public Draft? OpenDraft(long userId) => _drafts.Get(userId);

    /// <summary>Starts a flow, or resumes the member's open draft when there is one.</summary>
    public void Start(UpdateContext context, string flowName, Action<FlowTurn> begin)
    {
        var existing = LiveDraft(context);
        if (existing is not null && _flows.TryGetValue(existing.Flow, out var open))
        {
            context.Reply(existing.Flow == flowName ? Resumed(context, open, existing) : context.T.Format("flow.other_open", context.T[open.TitleKey]));
            Run(open, context, existing, FlowInput.None, resume: true);
            return;
        }

        var draft = new Draft
        {
            Id = context.UserId,
            TeamId = context.Member?.TeamId ?? 0,
            ChatId = context.Update.ChatId,
            Flow = flowName,
            Nonce = NewNonce(),
            StartedUtc = context.UtcNow,
            UpdatedUtc = context.UtcNow,
        };
        var turn = new FlowTurn(context, draft, FlowInput.None, _db.Database.Mapper);
        begin(turn);
        Persist(turn, context.UtcNow);
    }

    /// <summary>
    /// Starts a form flow with a draft already filled in (from a command, a note, a photo: whatever is known), or
    /// resumes the member's open draft when there is one.
    /// </summary>
    public void Start<TData>(UpdateContext context, string flowName, TData data) where TData : class, new()
    {
        var flow = _flows.GetValueOrDefault(flowName) as FormFlow<TData>
            ?? throw new InvalidOperationException($"No form flow '{flowName}' takes {typeof(TData).Name}.");
        Start(context, flowName, turn => flow.Begin(turn, data));
    }

    public bool TryContinue(UpdateContext context)
    {
        var draft = LiveDraft(context);
        if (draft is null || !_flows.TryGetValue(draft.Flow, out var flow))
        {
            return false;
        }

        if (draft.UpdatedUtc <= context.UtcNow - ResumeNoticeAfter)
        {
            // Back after a long pause (or a restart): say what the message goes into before answering it.
            context.Reply(Resumed(context, flow, draft));
        }

        var update = context.Update;
        var typedButton = update.Files.Count == 0 && update.Text is { } text ? draft.Buttons.FirstOrDefault(b => ButtonLabel.Matches(b.Label, text)) : null;
        var input = typedButton is null
            ? new FlowInput(update.Text, null, update.Files, update.Location)
            : new FlowInput(null, typedButton.Value, [], null);
        Run(flow, context, draft, input, resume: false);
        return true;
    }

    public bool TryHandleCallback(UpdateContext context, string data)
    {
        if (!FlowTurn.TryParse(data, out var nonce, out var step, out var value))
        {
            return false;
        }

        var draft = LiveDraft(context);
        if (draft is null || !_flows.TryGetValue(draft.Flow, out var flow))
        {
            context.Reply(context.T["callback.expired"]);
            return true;
        }

        // The live card: what the press brings (the next question and its buttons, or the end of the flow) replaces
        // the pressed message in place, one Bot API call per button step. A press on an older card changes nothing:
        // that card says so and shows the current question again (the newer card's buttons are then stale).
        var from = context.Outgoing.Count;
        if (draft.Nonce != nonce || draft.Step != step)
        {
            context.Reply(context.T["callback.expired_in_flow"]);
            Run(flow, context, draft, FlowInput.None, resume: true);
        }
        else
        {
            Run(flow, context, draft, new FlowInput(null, value, [], null), resume: false);
        }

        context.ReplyInPlaceOfOrigin(from);
        return true;
    }

    /// <summary>Drops the member's open draft and says so; its flow then says what is left (<see cref="IFlow.Left"/>).</summary>
    public bool Cancel(UpdateContext context)
    {
        var draft = _drafts.Get(context.UserId);
        if (draft is null || !_drafts.Delete(draft.Id))
        {
            return false;
        }

        context.Reply(context.T["cancel.done"]);
        if (_flows.TryGetValue(draft.Flow, out var flow))
        {
            flow.Left(new FlowTurn(context, draft, FlowInput.None, _db.Database.Mapper));
        }

        return true;
    }

    /// <summary>Drafts nobody touched within the timeout (for the janitor).</summary>
    public IReadOnlyList<Draft> StaleDrafts(DateTime utcNow) => _drafts.UntouchedSince(utcNow - DraftTimeout);

    /// <summary>
    /// Drops a draft left too long (or kept from another team) and says so; its flow then says what is left, as after
    /// /cancel (<see cref="IFlow.Left"/>). For the janitor, and for the member's next update when it comes first.
    /// </summary>
    public void Expire(UpdateContext context, Draft draft)
    {
        _drafts.Delete(draft.Id);
        var flow = _flows.GetValueOrDefault(draft.Flow);
        context.Reply(context.T.Format("flow.expired", context.T[flow?.TitleKey ?? "flow.unknown"], _options.Value.DraftTimeoutHours));
        flow?.Left(new FlowTurn(context, draft, FlowInput.None, _db.Database.Mapper));
    }

    /// <summary>"You have an unfinished …, continuing: what it holds so far", or "… continuing." before its first answer.</summary>
    private string Resumed(UpdateContext context, IFlow flow, Draft draft)
    {
        var description = flow.Describe(new FlowTurn(context, draft, FlowInput.None, _db.Database.Mapper));
        return string.IsNullOrWhiteSpace(description)
            ? context.T.Format("flow.resumed_empty", context.T[flow.TitleKey])
            : context.T.Format("flow.resumed", context.T[flow.TitleKey], new SafeHtml(description));
    }

    private Draft? LiveDraft(UpdateContext context)
    {
        var draft = _drafts.Get(context.UserId);
        if (draft is null)
        {
            return null;
        }

        if (draft.UpdatedUtc < context.UtcNow - DraftTimeout || draft.TeamId != (context.Member?.TeamId ?? 0))
        {
            Expire(context, draft);
            return null;
        }

        return draft;
    }

    private void Run(IFlow flow, UpdateContext context, Draft draft, FlowInput input, bool resume)
    {
        var turn = new FlowTurn(context, draft, input, _db.Database.Mapper);
        if (resume)
        {
            flow.AskAgain(turn);
        }
        else
        {
            flow.Continue(turn);
        }

        Persist(turn, context.UtcNow);
    }

    private void Persist(FlowTurn turn, DateTime utcNow)
    {
        if (turn.IsFinished)
        {
            _drafts.Delete(turn.Draft.Id);
            return;
        }

        turn.Draft.UpdatedUtc = utcNow;
        _drafts.Save(turn.Draft);
    }

    private static string NewNonce() =>
        string.Create(4, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = NonceAlphabet[RandomNumberGenerator.GetInt32(NonceAlphabet.Length)];
            }
        });
}
