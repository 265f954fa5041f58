using Assistant.Core.Conversations;
using Assistant.Tests.Support;

namespace Assistant.Tests.Conversations;

/// <summary>
/// docs/flows/NAME.md is drawn from each flow's Stateless machine. This test fails when the committed
/// diagram no longer matches the machine; regenerate with: UPDATE_DIAGRAMS=1 dotnet test --filter FlowDiagram
/// </summary>
public sealed class FlowDiagramTests
{
    [Fact]
    public void Diagrams_InDocs_MatchTheFlowsMachines()
    {
        using var h = CoreHarness.Create();
        var flows = h.Get<ConversationEngine>().Flows;
        Assert.NotEmpty(flows);
        var update = Environment.GetEnvironmentVariable("UPDATE_DIAGRAMS") == "1";
        var stale = new List<string>();
        foreach (var flow in flows)
        {
            var path = Repository.PathOf("docs", "flows", flow.Name + ".md");
            var expected = Render(flow);
            if (update)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, expected);
            }
            else if (!File.Exists(path) || File.ReadAllText(path).ReplaceLineEndings("\n") != expected)
            {
                stale.Add(path);
            }
        }

        Assert.True(stale.Count == 0, $"Out of date: {string.Join(", ", stale)}. Run: UPDATE_DIAGRAMS=1 dotnet test --filter FlowDiagram");
    }

    [Fact]
    public void FindingDiagram_ShowsEveryQuestionAndTheMajorHazardBranch()
    {
        using var h = CoreHarness.Create();
        var diagram = h.Get<ConversationEngine>().Flows.Single(f => f.Name == "finding").Diagram();

        foreach (var state in new[] { "Aspect", "Sector", "Method", "Openness", "City", "Place", "Unit", "Description", "Severity", "Basis", "Evidence", "Extras", "Review", "Saved" })
        {
            Assert.Contains(state, diagram, StringComparison.Ordinal);
        }

        Assert.Contains("major hazard", diagram, StringComparison.Ordinal);
    }

    private static string Render(IFlow flow) =>
        $"# Flow: {flow.Name}\n\nGenerated from the flow's Stateless machine by `FlowDiagramTests` " +
        "(regenerate with `UPDATE_DIAGRAMS=1 dotnet test --filter FlowDiagram`). Do not edit by hand.\n\n" +
        "```mermaid\n" + flow.Diagram().ReplaceLineEndings("\n").TrimEnd() + "\n```\n";
}
