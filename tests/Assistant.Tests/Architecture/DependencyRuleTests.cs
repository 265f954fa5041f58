using Assistant.Core.Dispatching;

namespace Assistant.Tests.Architecture;

/// <summary>
/// Dependencies point down. Each capability folder of the core (<c>Assistant.Core.&lt;Capability&gt;</c>) sits in a layer;
/// a capability may use its own layer and the layers below, never one above. What it "uses" is read from the compiled
/// assembly (<see cref="CapabilityGraph"/>): signatures, fields, base types and what method bodies call.
/// </summary>
public sealed class DependencyRuleTests
{
    /// <summary>
    /// The layers, lowest first. Inside a layer uses go both ways (the foundation is one piece; the dispatcher runs the
    /// teams' and the general commands, which are handlers of it).
    /// </summary>
    public static readonly IReadOnlyList<string[]> Layers =
    [
        ["Common", "Localization", "Storage", "Messaging", "Audit"], // foundation: settings, texts, the database, the outbox, the audit log
        ["Dispatching", "Conversations", "Jobs", "Teams", "Reminders", "General"], // the message path, flows, jobs, who is who, /help
        ["Findings"],
        ["Notes", "Schedule"],
        ["Ledger"],
        ["Summaries", "Dashboard"],
        ["Plan", "Leads"], // after the visit: the plan (created when /report is asked, a sheet in the export), leads (the dashboard counts them)
        ["Demo"], // loads records of every capability
    ];

    /// <summary>
    /// Uses that break the rule today, each with why it is still there. The test fails when one is gone too, so this
    /// list only shrinks: delete the line when you remove the use.
    /// </summary>
    public static readonly IReadOnlyDictionary<(string From, string To), string> KnownExceptions = new Dictionary<(string, string), string>
    {
        [("Findings", "Ledger")] = "a finding carries its rectification (RectificationStatus, DeadlineChange, the LedgerKeys index) "
            + "and FindingService plans the deadline reminders; these types belong below Findings (a Rectification folder)",
    };

    [Fact]
    public void Capabilities_UseOnlyTheirLayerAndTheLayersBelow()
    {
        var edges = CapabilityGraph.Edges(typeof(Router).Assembly);

        var broken = edges.Where(e => !Allowed(e.Key.From, e.Key.To) && !KnownExceptions.ContainsKey(e.Key))
            .Select(e => $"{e.Key.From} → {e.Key.To} ({e.Value})").ToList();
        var gone = KnownExceptions.Keys.Where(k => !edges.ContainsKey(k)).Select(k => $"{k.From} → {k.To}").ToList();

        Assert.True(broken.Count == 0, "Uses against the layer order:\n" + string.Join('\n', broken));
        Assert.True(gone.Count == 0, "No longer used, remove from KnownExceptions:\n" + string.Join('\n', gone));
    }

    [Fact]
    public void EveryCapabilityFolder_HasALayer()
    {
        var capabilities = typeof(Router).Assembly.GetTypes().Select(CapabilityGraph.CapabilityOf).OfType<string>().Distinct();

        Assert.All(capabilities, c => Assert.NotEqual(-1, LayerOf(c)));
    }

    [Theory]
    [InlineData("Findings", "Notes", false)]
    [InlineData("Findings", "Summaries", false)]
    [InlineData("Dispatching", "Findings", false)]
    [InlineData("Common", "Teams", false)]
    [InlineData("Ledger", "Findings", true)]
    [InlineData("Notes", "Schedule", true)]
    [InlineData("Teams", "Dispatching", true)]
    public void Rule_RefusesAnUpwardUse_AndAllowsDownwardAndSideways(string from, string to, bool allowed) =>
        Assert.Equal(allowed, Allowed(from, to));

    [Fact]
    public void Graph_SeesUsesInMethodBodies_NotOnlyInSignatures()
    {

        var edges = CapabilityGraph.Edges(typeof(Synthetic.Summaries.SyntheticUser).Assembly, "Assistant.Tests.Architecture.Synthetic.");

        Assert.Contains(("Summaries", "Findings"), edges.Keys);
        Assert.False(Allowed("Findings", "Summaries"));
        Assert.Contains(("Findings", "Summaries"), edges.Keys);
    }

    private static int LayerOf(string capability)
    {
        for (var i = 0; i < Layers.Count; i++)
        {
            if (Layers[i].Contains(capability))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Allowed(string from, string to) => LayerOf(to) <= LayerOf(from);
}
