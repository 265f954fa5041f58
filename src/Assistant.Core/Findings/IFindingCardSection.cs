using Assistant.Core.Teams;

namespace Assistant.Core.Findings;

/// <summary>
/// What another capability adds to a saved finding's card when a reader opens it (<c>/finding G7-007</c>): the ledger
/// adds the rectification status and the buttons of the steps this reader may take, the same as its own card offers.
/// Lets the card show them without the findings depending on the ledger.
/// </summary>
public interface IFindingCardSection
{
    /// <summary>HTML appended to the card (starting with its own line break), or empty.</summary>
    string Html(Texts t, Finding finding, DateOnly today);

    /// <summary>Rows of buttons for this reader, or none.</summary>
    IReadOnlyList<IReadOnlyList<Button>> Buttons(Texts t, Finding finding, Member reader);
}
