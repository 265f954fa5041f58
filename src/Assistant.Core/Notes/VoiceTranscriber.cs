namespace Assistant.Core.Notes;

/// <summary>What became of one transcription.</summary>
public enum TranscriptionOutcome
{
    Transcribed,

    /// <summary>The server answered nothing but silence (an empty text).</summary>
    Empty,

    /// <summary>The server refused or was unreachable.</summary>
    Failed,

    /// <summary>No answer within <c>AI:TranscriptionTimeoutSeconds</c>.</summary>
    TimedOut,
}

/// <summary>A transcript, or why there is none.</summary>
public sealed record Transcript(TranscriptionOutcome Outcome, string Text = "");

/// <summary>Turns a voice note's audio into text, in the member's language. Implemented over the configured server.</summary>
public interface IVoiceTranscriber
{
    /// <summary>Whether voice notes are transcribed at all (<c>AI:TranscriptionEndpoint</c> set and allowed).</summary>
    bool Enabled { get; }

    Task<Transcript> TranscribeAsync(ReadOnlyMemory<byte> audio, string fileName, Language language, CancellationToken cancellationToken);
}

/// <summary>No transcription server: voice notes stay audio only.</summary>
public sealed class NoTranscriber : IVoiceTranscriber
{
    public bool Enabled => false;

    public Task<Transcript> TranscribeAsync(ReadOnlyMemory<byte> audio, string fileName, Language language, CancellationToken cancellationToken) =>
        Task.FromResult(new Transcript(TranscriptionOutcome.Failed));
}
