using System.ClientModel;
using System.ClientModel.Primitives;
using Assistant.Core.Notes;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.AudioToText;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

// Semantic Kernel marks its audio-to-text service experimental (SKEXP0001, SKEXP0010) in 1.82; it is the
// connector's only route to /v1/audio/transcriptions, and the transcriber is the one place that uses it.
#pragma warning disable SKEXP0001, SKEXP0010

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// Voice notes to text through Semantic Kernel's OpenAI audio-to-text service, against the server in
/// <c>AI:TranscriptionEndpoint</c> (any OpenAI-compatible <c>/v1/audio/transcriptions</c>): one attempt, the
/// member's language, a time-out of <c>AI:TranscriptionTimeoutSeconds</c>. Failures are logged with their kind
/// alone (the server's error body may quote what it heard).
/// </summary>
public sealed class ModelTranscriber : IVoiceTranscriber
{
    private readonly AiOptions _options;
    private readonly ILogger<ModelTranscriber> _logger;
    private readonly IAudioToTextService? _service;

    public ModelTranscriber(IOptions<AiOptions> options, ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _logger = loggerFactory.CreateLogger<ModelTranscriber>();
        if (_options.UsesTranscription)
        {
            var client = new OpenAIClient(new ApiKeyCredential("none"), new OpenAIClientOptions
            {
                Endpoint = new Uri(_options.TranscriptionEndpoint),
                RetryPolicy = new ClientRetryPolicy(0),
                NetworkTimeout = TimeSpan.FromSeconds(_options.TranscriptionTimeoutSeconds),
            });
            _service = new OpenAIAudioToTextService(_options.TranscriptionModel, client, loggerFactory);
        }
    }

    public bool Enabled => _service is not null;

    public async Task<Transcript> TranscribeAsync(ReadOnlyMemory<byte> audio, string fileName, Language language, CancellationToken cancellationToken)
    {
        if (_service is null)
        {
            return new Transcript(TranscriptionOutcome.Failed);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TranscriptionTimeoutSeconds));
        var settings = new OpenAIAudioToTextExecutionSettings(fileName)
        {
            Language = language == Language.English ? "en" : "zh",
            ResponseFormat = "json",
            Temperature = 0,
        };
        try
        {
            var content = await _service.GetTextContentAsync(new AudioContent(audio, "audio/ogg"), settings, kernel: null, timeout.Token);
            var text = content.Text?.Trim() ?? "";
            return text.Length == 0 ? new Transcript(TranscriptionOutcome.Empty) : new Transcript(TranscriptionOutcome.Transcribed, text);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("The transcription server gave no answer within {Seconds} s; the voice note stays audio only.", _options.TranscriptionTimeoutSeconds);
            return new Transcript(TranscriptionOutcome.TimedOut);
        }
        catch (Exception ex) when (ex is HttpOperationException or ClientResultException or System.Text.Json.JsonException or InvalidOperationException or HttpRequestException or KernelException)
        {
            _logger.LogWarning("The transcription server failed ({Error}{Status}); the voice note stays audio only.", ex.GetType().Name, (ex as HttpOperationException)?.StatusCode is { } status ? $" {(int)status}" : "");
            return new Transcript(TranscriptionOutcome.Failed);
        }
    }
}
