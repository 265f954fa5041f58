using Assistant.Core.Dispatching;
using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assistant.Core.Notes;

public static class NotesRegistration
{
    /// <summary>Notes of the day: free input, /note, /notes and the buttons under a note.</summary>
    public static IHostApplicationBuilder AddNotes(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(NoteStore), NoteStore.EnsureSchema);
        services.AddSingleton<NoteStore>();
        services.AddSingleton<NotesInput>();
        services.AddSingleton<IFreeInputHandler>(sp => sp.GetRequiredService<NotesInput>());
        services.AddSingleton<ICommandHandler, NoteCommand>();
        services.AddSingleton<ICallbackHandler, NoteButtons>();
        return builder;
    }
}
