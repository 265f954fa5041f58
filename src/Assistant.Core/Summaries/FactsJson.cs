using System.Text.Json.Serialization;

namespace Assistant.Core.Summaries;

/// <summary>
/// The facts of a brief as JSON, for the hash that tells whether a stored brief still holds (<see cref="SummaryService"/>).
/// Generated at compile time: the native program (Native AOT) cannot build serializers for the facts' value types at
/// run time, and the JIT program saves building them on the first brief.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(DayFacts))]
[JsonSerializable(typeof(VisitFacts))]
internal sealed partial class FactsJson : JsonSerializerContext;
