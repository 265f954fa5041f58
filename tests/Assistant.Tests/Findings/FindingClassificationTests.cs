using Assistant.Core.Findings;
using Assistant.Core.Storage;

namespace Assistant.Tests.Findings;

/// <summary>
/// <see cref="FindingClassification"/> declares the classification fields once; the finding and the member's defaults
/// keep storing them as their own top-level fields, under the names they had, and copy them whole.
/// </summary>
public sealed class FindingClassificationTests
{
    private static readonly string[] Fields =
        [nameof(Finding.Aspect), nameof(Finding.Sector), nameof(Finding.SectorOther), nameof(Finding.Method), nameof(Finding.Covert), nameof(Finding.City), nameof(Finding.Unit)];

    private static Finding Classified() => new()
    {
        Id = 5,
        Aspect = Aspect.Responsibilities,
        Sector = Sector.Other,
        SectorOther = "游乐设施",
        Method = Method.OnSiteInspection,
        Covert = true,
        City = "株洲市",
        Unit = "某游乐场",
    };

    [Fact]
    public void FindingDocument_HoldsTheClassificationAsItsOwnFields()
    {
        var document = Mapping.CreateMapper().ToDocument(Classified());

        foreach (var field in Fields)
        {
            Assert.True(document.ContainsKey(field), field);
        }

        Assert.DoesNotContain(document.Values, v => v.IsDocument);
        Assert.Equal("株洲市", document[nameof(Finding.City)].AsString);
        Assert.Equal(nameof(Sector.Other), document[nameof(Finding.Sector)].AsString);
    }

    [Fact]
    public void DefaultsDocument_HoldsTheSameFields_AndNothingElse()
    {
        var document = Mapping.CreateMapper().ToDocument(FindingDefaults.From(Classified()));

        Assert.Equal(Fields.Order(StringComparer.Ordinal), document.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DefaultsAndEditDraft_TakeEveryValue()
    {
        var finding = Classified();

        var defaults = FindingDefaults.From(finding);
        var draft = FindingDraft.From(finding);

        Assert.Equal(
            (finding.Aspect, finding.Sector, finding.SectorOther, finding.Method, finding.Covert, finding.City, finding.Unit),
            (defaults.Aspect, defaults.Sector, defaults.SectorOther, defaults.Method, defaults.Covert, defaults.City, defaults.Unit));
        Assert.Equal(
            (finding.Aspect, finding.Sector, finding.SectorOther, finding.Method, finding.Covert, finding.City, finding.Unit),
            (draft.Aspect!.Value, draft.Sector!.Value, draft.SectorOther, draft.Method!.Value, draft.Covert!.Value, draft.City!, draft.Unit!));
        Assert.Equal(5, draft.EditingFindingId);
    }
}
