using Assistant.Core.Findings.Duplicates;

namespace Assistant.Tests.Findings.Duplicates;

/// <summary>
/// How two findings' numbers are compared ("约8米" → 8|米, "3号楼" → 3|号楼 as a place): the shared ones count for a
/// duplicate; a measure both have with no value in common tells different places or different quantities.
/// </summary>
public sealed class CompareNumbersTests
{
    private static NumberToken[] Numbers(string spec) =>
        spec.Length == 0
            ? []
            : [.. spec.Split(' ').Select(t => t.Split('|')).Select(p => new NumberToken(p[0], p[1], p.Length > 2))];

    [Theory]
    [InlineData("", "8|米", 0, false, false)]
    [InlineData("8|米", "8|米", 1, false, false)]
    [InlineData("8|米", "9|米", 0, false, true)]
    [InlineData("3|号楼|place", "5|号楼|place", 0, true, false)]
    [InlineData("3|", "5|", 0, false, false)]
    [InlineData("8|米 30|米 3|处", "30|米 2|处", 1, false, true)]
    [InlineData("8|米 8|米", "8|米", 2, false, false)]
    [InlineData("8|米", "3|处", 0, false, false)]
    [InlineData("3|号楼|place 30|米", "3|号楼|place 30|米 2|处", 2, false, false)]
    public void SharedNumbers_AndWhatDiffers(string a, string b, int shared, bool placesDiffer, bool quantitiesDiffer) =>
        Assert.Equal((shared, placesDiffer, quantitiesDiffer), DuplicateScorer.CompareNumbers(Numbers(a), Numbers(b)));
}
