using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Localization;

namespace Assistant.Tests.Ledger;

/// <summary>The ledger query read from the Mini App's address parameters (<see cref="LedgerFilter.FromParameters"/>).</summary>
public sealed class LedgerFilterParametersTests
{
    private static readonly Texts Zh = TextCatalog.Default.Chinese;
    private static readonly Texts En = TextCatalog.Default.English;

    [Fact]
    public void FromParameters_NamedValuesInAnyCase_SetTheQuery()
    {
        var query = Read(new() { ["scope"] = ["overdue"], ["sector"] = ["fire", "Construction", "FIRE"], ["aspect"] = ["grassroots"], ["severity"] = ["majorhazard"] }, out var invalid);

        Assert.Null(invalid);
        Assert.NotNull(query);
        Assert.Equal(LedgerScope.Overdue, query.Scope);
        Assert.Equal([Sector.Fire, Sector.Construction], query.Sectors);
        Assert.Equal(Aspect.Grassroots, query.Aspect);
        Assert.Equal(Severity.MajorHazard, query.Severity);
    }

    [Fact]
    public void FromParameters_ClosedStatus_MeansClosedItemsWhateverTheScope()
    {
        var query = Read(new() { ["scope"] = ["Active"], ["status"] = ["Closed"] }, out _);

        Assert.Equal(LedgerScope.Closed, query!.Scope);
        Assert.Equal(RectificationStatus.Closed, query.Status);
    }

    [Fact]
    public void FromParameters_GivenTwice_TheLastCounts()
    {
        var query = Read(new() { ["aspect"] = ["Campaigns", "Instructions"], ["scope"] = ["Overdue", " "] }, out _);

        Assert.Equal(Aspect.Instructions, query!.Aspect);
        Assert.Equal(LedgerScope.Overdue, query.Scope); // a blank value is no value
    }

    [Fact]
    public void FromParameters_UnknownValues_TheFirstParameterInOrderIsNamed()
    {
        Assert.Null(Read(new() { ["severity"] = ["7"], ["sector"] = ["Fire", "Nope"] }, out var invalid));
        Assert.Equal("sector", invalid);
        Assert.Null(Read(new() { ["severity"] = ["1,2"] }, out invalid));
        Assert.Equal("severity", invalid);
    }

    private static LedgerQuery? Read(Dictionary<string, string[]> parameters, out string? invalid) =>
        LedgerFilter.FromParameters(name => parameters.TryGetValue(name, out var values) ? values : [], Zh, En, out invalid);
}
