using Assistant.Core.Conversations;
using Assistant.Core.Ledger;
using Assistant.Tests.Support;

namespace Assistant.Tests.Conversations;

/// <summary>
/// docs/flows/NAME.md is drawn from each flow's Stateless machine (and docs/flows/rectification.md
/// from the rectification lifecycle's). This test fails when the committed
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
        var machines = flows.Select(f => (Name: f.Name, Kind: "Flow", Diagram: f.Diagram()))
            .Append(("rectification", "Lifecycle", RectificationMachine.Diagram()));
        var update = Environment.GetEnvironmentVariable("UPDATE_DIAGRAMS") == "1";
        var stale = new List<string>();
        foreach (var (name, kind, diagram) in machines)
        {
            var path = Repository.PathOf("docs", "flows", name + ".md");
            var expected = Render(name, kind, diagram);
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

    [Fact]
    public void RectificationDiagram_ShowsEveryStatusAndTheGuards()
    {
        var diagram = RectificationMachine.Diagram();

        foreach (var status in Enum.GetNames<RectificationStatus>())
        {
            Assert.Contains(status, diagram, StringComparison.Ordinal);
        }

        foreach (var action in Enum.GetNames<RectificationAction>())
        {
            Assert.Contains(action, diagram, StringComparison.Ordinal);
        }
    }

    private static string Render(string name, string kind, string diagram) =>
        $"# {kind}: {name}\n\nGenerated from the Stateless machine by `FlowDiagramTests` " +
        "(regenerate with `UPDATE_DIAGRAMS=1 dotnet test --filter FlowDiagram`). Do not edit by hand.\n\n" +
        "```mermaid\n" + diagram.ReplaceLineEndings("\n").TrimEnd() + "\n```\n";
}
