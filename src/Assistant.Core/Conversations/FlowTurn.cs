using Assistant.Core.Dispatching;
using LiteDB;

namespace Assistant.Core.Conversations;

/// <summary>What the member sent to a flow: typed text, a pressed choice, files, or a location.</summary>
public sealed record FlowInput(string? Text, string? Choice, IReadOnlyList<IncomingFile> Files, GeoPoint? Location)
{
    public static FlowInput None { get; } = new(null, null, [], null);

    public bool IsEmpty => Text is null && Choice is null && Files.Count == 0 && Location is null;
}

/// <summary>A choice offered as a button: the label shown and the short value the flow gets back.</summary>
public sealed record Choice(string Label, string Value);

/// <summary>One step of a flow being run: the context, the draft and the input, plus helpers to ask the next question.</summary>
public sealed class FlowTurn
{
    /// <summary>Callback data of flow buttons starts with this.</summary>
    public const string CallbackPrefix = "f:";

    private readonly BsonMapper _mapper;

    internal FlowTurn(UpdateContext context, Draft draft, FlowInput input, BsonMapper mapper)
    {
        Context = context;
        Draft = draft;
        Input = input;
        _mapper = mapper;
    }

    public UpdateContext Context { get; }

    public Draft Draft { get; }

    public FlowInput Input { get; }

    /// <summary>Set by <see cref="Finish"/>: the draft is removed when the turn ends.</summary>
    public bool IsFinished { get; private set; }

    public T Data<T>() where T : new() =>
        Draft.Data.Count == 0 ? new T() : _mapper.ToObject<T>(Draft.Data);

    public void Save<T>(T data) => Draft.Data = _mapper.ToDocument(data);

    /// <summary>Asks a question; buttons carry this draft's nonce and the new step number.</summary>
    public void Ask(string html, IEnumerable<IEnumerable<Choice>>? choices = null)
    {
        Draft.Step++;
        var rows = choices?.Select(row => row.ToList()).Where(row => row.Count > 0).ToList() ?? [];
        var keyboard = rows.Select(row => (IReadOnlyList<Button>)row.Select(c => new Button(c.Label, CallbackData(c.Value))).ToList()).ToList();
        Draft.Buttons = [.. rows.SelectMany(row => row).Select(c => new DraftButton { Label = c.Label, Value = c.Value })];
        Context.Reply(html, keyboard is { Count: > 0 } ? keyboard : null);
    }

    /// <summary>Says something without moving to a new question (errors, confirmations).</summary>
    public void Say(string html) => Context.Reply(html);

    /// <summary>Ends the flow: the draft is deleted when the turn is saved.</summary>
    public void Finish() => IsFinished = true;

    private string CallbackData(string value)
    {
        var data = $"{CallbackPrefix}{Draft.Nonce}.{Draft.Step.ToString(CultureInfo.InvariantCulture)}:{value}";
        if (System.Text.Encoding.UTF8.GetByteCount(data) > Button.MaxDataBytes)
        {
            throw new InvalidOperationException($"Button data '{data}' is longer than {Button.MaxDataBytes} bytes.");
        }

        return data;
    }

    /// <summary>Parses flow button data into nonce, step and value; false when it is not flow data.</summary>
    public static bool TryParse(string data, out string nonce, out int step, out string value)
    {
        nonce = "";
        step = 0;
        value = "";
        if (!data.StartsWith(CallbackPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var dot = data.IndexOf('.', CallbackPrefix.Length);
        var colon = dot < 0 ? -1 : data.IndexOf(':', dot);
        if (dot < 0 || colon < 0 || !int.TryParse(data.AsSpan(dot + 1, colon - dot - 1), NumberStyles.None, CultureInfo.InvariantCulture, out step))
        {
            return false;
        }

        nonce = data[CallbackPrefix.Length..dot];
        value = data[(colon + 1)..];
        return true;
    }
}
