using Assistant.Core.Dispatching;

namespace Assistant.Core.Notes;

/// <summary>
/// What a capability above Notes does when the tip flow saves a tip (its channel, subject and handling, already
/// refused when they identify the tipster): Leads turns it into a lead to follow. Notes knows no lead.
/// </summary>
public interface ITipSavedHandler
{
    /// <summary>Acts on the saved tip; returns a line (HTML) for the tip's saved message, or null. The message keeps the note's buttons.</summary>
    string? TipSaved(UpdateContext context, Note note);
}
