using System.Text.Json;
using Assistant.Core.Demo;
using Assistant.Core.Summaries;
using Assistant.Tests.Support;

namespace Assistant.Tests.Summaries;

/// <summary>
/// A stored brief is reused while the hash of its facts is unchanged. The facts are written for the hash by the
/// serializer generated at compile time (<see cref="FactsJson"/>, which the native program needs); it writes the same
/// bytes as the reflection-based serializer that wrote the hashes already stored, so no stored brief is written again.
/// </summary>
public sealed class FactsJsonTests
{
    [Fact]
    public void DemoVisit_GeneratedSerializer_WritesWhatTheReflectionSerializerWrote()
    {
        using var h = CoreHarness.Create();
        var (team, created) = h.Get<DemoLoader>().Load(leaderId: 1001);
        Assert.True(created);
        var facts = h.Get<FactsBuilder>();
        var reflection = new JsonSerializerOptions { WriteIndented = false };

        for (var day = team.VisitFrom; day <= team.VisitTo; day = day.AddDays(1))
        {
            var dayFacts = facts.Day(team, day);
            Assert.Equal(JsonSerializer.Serialize(dayFacts, reflection), JsonSerializer.Serialize(dayFacts, FactsJson.Default.DayFacts));
        }

        var visit = facts.Visit(team, team.VisitTo.AddDays(1));
        Assert.NotEmpty(visit.Findings);
        Assert.Equal(JsonSerializer.Serialize(visit, reflection), JsonSerializer.Serialize(visit, FactsJson.Default.VisitFacts));
    }
}
