using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;
using Assistant.Core.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Core.Notes;

public static class NotesRegistration
{
    /// <summary>Notes of the day: free input, /note, /notes, the buttons under a note, the tip flow, voice notes transcribed.</summary>
    public static IHostApplicationBuilder AddNotes(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(NoteStore), NoteStore.EnsureSchema);
        services.AddSingletons(typeof(NoteStore), typeof(CovertNotes));
        services.TryAddSingleton<IVoiceTranscriber, NoTranscriber>();
        services.AddSingletonAs<VoiceNoteTranscription>(typeof(IJobHandler));
        services.AddSingletonAs<NotesInput>(typeof(IFreeInputHandler));
        services.AddSingleton<Findings.IFindingCreatedHandler, NoteFindingLink>();
        services.AddHandler<NoteCommand>();
        services.AddHandler<NoteButtons>();
        services.AddFlow<TipFlow>();
        return builder;
    }
}
